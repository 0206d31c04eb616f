// What the WHIP and WHEP test pages share: the offer/answer exchange over HTTP (RFC 9725), either
// with every candidate in the offer or with trickle ICE (candidates PATCHed to the session as they
// are gathered, as RFC 9725 section 4.3.1 clients do), an ICE restart through PATCH, H.264 first
// in a transceiver's codec list, and sender statistics.
window.freshetWebRtc = (function () {
  var FRAGMENT = 'application/trickle-ice-sdpfrag';

  function gatheringComplete(pc) {
    if (pc.iceGatheringState === 'complete') {
      return Promise.resolve();
    }
    return new Promise(function (resolve) {
      var timer = setTimeout(resolve, 2000);
      pc.addEventListener('icegatheringstatechange', function () {
        if (pc.iceGatheringState === 'complete') {
          clearTimeout(timer);
          resolve();
        }
      });
    });
  }

  function preferH264(transceiver, capabilities) {
    var codecs = capabilities.getCapabilities('video').codecs;
    var h264 = codecs.filter(function (c) { return c.mimeType === 'video/H264'; });
    var rest = codecs.filter(function (c) { return c.mimeType !== 'video/H264'; });
    transceiver.setCodecPreferences(h264.concat(rest));
  }

  function attribute(sdp, name) {
    var match = sdp.match(new RegExp('a=' + name + ':(.*)\\r?\\n'));
    return match ? match[1] : null;
  }

  // an sdpfrag (RFC 8840) of the local description's first m-section: credentials, mid, candidates
  function fragment(sdp, candidates, end) {
    var media = sdp.match(/m=.*\r?\n/)[0];
    return 'a=ice-ufrag:' + attribute(sdp, 'ice-ufrag') + '\r\n'
      + 'a=ice-pwd:' + attribute(sdp, 'ice-pwd') + '\r\n'
      + media.trim() + '\r\n'
      + 'a=mid:' + attribute(sdp, 'mid') + '\r\n'
      + candidates.map(function (c) { return 'a=' + c + '\r\n'; }).join('')
      + (end ? 'a=end-of-candidates\r\n' : '');
  }

  // trickle: candidates found after the POST go to the session in PATCHes, batched, with the ETag
  function trickle(pc, state) {
    var pending = [];
    var ended = false;
    var timer = null;
    state.patches = [];
    async function flush() {
      timer = null;
      if (!state.resource || state.restarting || (pending.length === 0 && !ended)) {
        return;
      }
      var batch = pending.splice(0, pending.length);
      var response = await fetch(state.resource, {
        method: 'PATCH', headers: { 'Content-Type': FRAGMENT, 'If-Match': state.etag },
        body: fragment(pc.localDescription.sdp, batch, ended)
      });
      state.patches.push(response.status);
    }
    pc.addEventListener('icecandidate', function (e) {
      if (state.restarting) {
        return; // the restart's PATCH carries its own candidates
      }
      if (e.candidate && e.candidate.candidate) {
        if (e.candidate.sdpMLineIndex === 0) {
          pending.push(e.candidate.candidate);
        }
      } else {
        ended = true;
      }
      timer = timer || setTimeout(flush, 0);
    });
    return function () { timer = timer || setTimeout(flush, 0); };
  }

  // POSTs the offer to endpoint, records status, Location, ETag and any refusal in state; true once
  // the answer is applied. With options.trickle the offer goes before gathering ends.
  async function exchange(pc, endpoint, state, options) {
    var trickled = options && options.trickle;
    pc.addEventListener('connectionstatechange', function () { state.connection = pc.connectionState; });
    var flushTrickle = trickled ? trickle(pc, state) : null;
    await pc.setLocalDescription(await pc.createOffer());
    if (!trickled) {
      await gatheringComplete(pc);
    }
    state.phase = 'posting';
    var response = await fetch(endpoint, {
      method: 'POST', headers: { 'Content-Type': 'application/sdp' }, body: pc.localDescription.sdp
    });
    state.status = response.status;
    state.location = response.headers.get('Location');
    state.etag = response.headers.get('ETag');
    var answer = await response.text();
    if (response.status !== 201) {
      state.error = answer;
      state.phase = 'refused';
      return false;
    }
    state.resource = new URL(state.location, endpoint).toString();
    await pc.setRemoteDescription({ type: 'answer', sdp: answer });
    if (flushTrickle) {
      flushTrickle();
    }
    return true;
  }

  // an ICE restart (RFC 9725 section 4.3.2): the new credentials and candidates in a PATCH with
  // If-Match "*"; the server's sdpfrag answer gives its new credentials, put into the remote description
  async function restartIce(pc, state) {
    state.restarting = true;
    pc.restartIce();
    await pc.setLocalDescription(await pc.createOffer({ iceRestart: true }));
    await gatheringComplete(pc);
    var sdp = pc.localDescription.sdp;
    state.restartUfrag = attribute(sdp, 'ice-ufrag');
    var candidates = (sdp.split(/m=/)[1].match(/a=candidate:.*\r?\n/g) || []).map(function (c) {
      return c.trim().substring(2);
    });
    var response = await fetch(state.resource, {
      method: 'PATCH', headers: { 'Content-Type': FRAGMENT, 'If-Match': '*' }, body: fragment(sdp, candidates, true)
    });
    state.restartStatus = response.status;
    var answer = await response.text();
    if (response.status !== 200) {
      state.error = answer;
      return;
    }
    state.etag = response.headers.get('ETag');
    var remote = pc.remoteDescription.sdp
      .replace(/a=ice-ufrag:.*\r\n/g, 'a=ice-ufrag:' + attribute(answer, 'ice-ufrag') + '\r\n')
      .replace(/a=ice-pwd:.*\r\n/g, 'a=ice-pwd:' + attribute(answer, 'ice-pwd') + '\r\n');
    await pc.setRemoteDescription({ type: 'answer', sdp: remote });
    state.restarting = false;
  }

  // the codec of a statistics entry, as its MIME type
  function codecOf(report, stats) {
    var codec = stats.codecId && report.get(stats.codecId);
    return codec ? codec.mimeType : null;
  }

  // the sender's statistics into state: video frames, packets, bytes, size, codec and target bitrate, the
  // local ICE ufrag, the bandwidth estimate of the selected pair; audio packets
  async function senderStatistics(pc, state) {
    var report = await pc.getStats();
    report.forEach(function (s) {
      if (s.type === 'outbound-rtp' && s.kind === 'video') {
        state.framesEncoded = s.framesEncoded || 0;
        state.packetsSent = s.packetsSent || 0;
        state.width = s.frameWidth || null;
        state.height = s.frameHeight || null;
        state.codec = codecOf(report, s);
        state.bytesSent = s.bytesSent || 0;
        state.targetBitrate = s.targetBitrate || null;
      }
      // the send-side bandwidth estimate, which grows only on the receiver's congestion control feedback
      if (s.type === 'candidate-pair' && s.nominated && s.state === 'succeeded') {
        state.availableOutgoingBitrate = s.availableOutgoingBitrate || null;
      }
      if (s.type === 'outbound-rtp' && s.kind === 'audio') {
        state.audioPacketsSent = s.packetsSent || 0;
      }
    });
    state.iceUfrag = iceUfragOf(report);
  }

  // the local ICE ufrag of the transport's selected pair, where the browser reports it
  function iceUfragOf(report) {
    var ufrag = null;
    report.forEach(function (s) {
      if (s.type === 'transport' && s.iceLocalUsernameFragment) {
        ufrag = s.iceLocalUsernameFragment;
      }
    });
    return ufrag;
  }

  return {
    preferH264: preferH264, exchange: exchange, restartIce: restartIce, codecOf: codecOf, iceUfragOf: iceUfragOf,
    senderStatistics: senderStatistics
  };
})();
