// What the WHIP, WHEP and KVS master test pages share: the offer/answer exchange over HTTP (RFC 9725
// style, all candidates in the offer), H.264 first in a transceiver's codec list, sender statistics.
window.freshetWebRtc = (function () {
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

  // POSTs the offer to endpoint, records status, Location and any refusal in state; true once the
  // answer is applied
  async function exchange(pc, endpoint, state) {
    pc.addEventListener('connectionstatechange', function () { state.connection = pc.connectionState; });
    await pc.setLocalDescription(await pc.createOffer());
    await gatheringComplete(pc);
    state.phase = 'posting';
    var response = await fetch(endpoint, {
      method: 'POST', headers: { 'Content-Type': 'application/sdp' }, body: pc.localDescription.sdp
    });
    state.status = response.status;
    state.location = response.headers.get('Location');
    var answer = await response.text();
    if (response.status !== 201) {
      state.error = answer;
      state.phase = 'refused';
      return false;
    }
    await pc.setRemoteDescription({ type: 'answer', sdp: answer });
    return true;
  }

  // the codec of a statistics entry, as its MIME type
  function codecOf(report, stats) {
    var codec = stats.codecId && report.get(stats.codecId);
    return codec ? codec.mimeType : null;
  }

  // the sender's statistics into state: video frames, packets, size and codec; audio packets
  async function senderStatistics(pc, state) {
    var report = await pc.getStats();
    report.forEach(function (s) {
      if (s.type === 'outbound-rtp' && s.kind === 'video') {
        state.framesEncoded = s.framesEncoded || 0;
        state.packetsSent = s.packetsSent || 0;
        state.width = s.frameWidth || null;
        state.height = s.frameHeight || null;
        state.codec = codecOf(report, s);
      }
      if (s.type === 'outbound-rtp' && s.kind === 'audio') {
        state.audioPacketsSent = s.packetsSent || 0;
      }
    });
  }

  return { preferH264: preferH264, exchange: exchange, codecOf: codecOf, senderStatistics: senderStatistics };
})();
