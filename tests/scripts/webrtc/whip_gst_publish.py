#!/usr/bin/python3
"""An IoT-style camera that publishes over WHIP (RFC 9725) with GStreamer's webrtcbin.

    videotestsrc (live, moving) ! x264enc (zerolatency, constrained baseline) ! rtph264pay ! valve ─┐
                                                                                                   ├─ webrtcbin
    audiotestsrc (live)         ! opusenc                                     ! rtpopuspay ! valve ─┘  (max-bundle)

ICE gathers on --local-address only (127.0.0.1: libnice leaves loopback out otherwise). The offer is
sent whole once ICE gathering is complete (no trickle), POSTed to the WHIP URL with urllib; the answer
is applied; once ICE and DTLS are up the valves open on a forced keyframe, media flows for --seconds,
then the session is DELETEd. Debian 12 has
no whipsink (gst-plugins-rs is not packaged), hence this script.

With --nack the transceivers ask for NACK and RTX (RFC 4588): webrtcbin offers an RTX payload type
and answers the server's NACKs from its send history.

One JSON object per line on stdout tells the caller what happened:
  {"event": "offer", "sdp": ...}        the offer sent
  {"event": "posted", "status": 201, "location": ..., "sdp": ...}
  {"event": "connected"}                 ICE and DTLS connected (webrtcbin's connection-state); media starts
  {"event": "stats", "video": {...}}    the video sender's RTP/RTCP counts just before the DELETE
  {"event": "deleted", "status": 200}
  {"event": "error", "message": ...}     then the exit code is 1

Usage: whip_gst_publish.py --whip http://127.0.0.1:4567/whip/cam1 --seconds 8 [--nack]
"""
import argparse
import json
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

import gi

gi.require_version("Gst", "1.0")
gi.require_version("GstSdp", "1.0")
gi.require_version("GstVideo", "1.0")
gi.require_version("GstWebRTC", "1.0")
from gi.repository import GLib, Gst, GstSdp, GstVideo, GstWebRTC  # noqa: E402

VIDEO_PT = 102
AUDIO_PT = 111
HTTP_TIMEOUT_SECONDS = 10


def emit(event, **fields):
    print(json.dumps({"event": event, "time": round(time.time(), 3), **fields}), flush=True)


def pipeline_description(args):
    return (
        "webrtcbin name=webrtc bundle-policy=max-bundle "
        f"videotestsrc is-live=true pattern={args.pattern} horizontal-speed=4 "
        f"! video/x-raw,width={args.width},height={args.height},framerate={args.fps}/1 "
        "! videoconvert ! queue "
        f"! x264enc tune=zerolatency speed-preset=ultrafast key-int-max={args.key_int} bitrate={args.kbps} "
        "! video/x-h264,profile=constrained-baseline "
        f"! rtph264pay config-interval=-1 pt={VIDEO_PT} aggregate-mode=zero-latency "
        f"! valve name=video_gate drop=true drop-mode=forward-sticky-events "
        f"! application/x-rtp,media=video,encoding-name=H264,payload={VIDEO_PT} ! webrtc. "
        "audiotestsrc is-live=true wave=ticks ! audioconvert ! audioresample ! queue "
        "! opusenc ! rtpopuspay ! valve name=audio_gate drop=true drop-mode=forward-sticky-events "
        f"! application/x-rtp,media=audio,encoding-name=OPUS,payload={AUDIO_PT} ! webrtc. "
    )


class WhipPublisher:
    """Drives one pipeline from offer to DELETE; GLib's main loop runs webrtcbin's callbacks."""

    def __init__(self, args):
        self.args = args
        self.loop = GLib.MainLoop()
        self.pipeline = Gst.parse_launch(pipeline_description(args))
        self.webrtc = self.pipeline.get_by_name("webrtc")
        self.location = None
        self.failed = None
        self.connected = threading.Event()
        self.offer_sent = False
        # webrtcbin hands out its ICE agent still floating: Python's reference must live as long as the pipeline
        self.ice = self.webrtc.get_property("ice-agent")
        # libnice leaves loopback out of its host candidates unless told to use it; the tests have nothing else
        self.ice.emit("add-local-ip-address", args.local_address)
        self.ice.set_property("ice-tcp", False)
        self.webrtc.connect("on-negotiation-needed", self.on_negotiation_needed)
        self.webrtc.connect("notify::ice-gathering-state", self.on_gathering_state)
        self.webrtc.connect("notify::ice-connection-state", self.on_ice_connection_state)
        self.webrtc.connect("notify::connection-state", self.on_connection_state)
        bus = self.pipeline.get_bus()
        bus.add_signal_watch()
        bus.connect("message::error", self.on_error)

    def run(self):
        if self.args.nack:
            # the video transceiver (made when parse_launch linked sink_0) asks for NACK and offers RTX
            self.webrtc.emit("get-transceiver", 0).set_property("do-nack", True)
        self.pipeline.set_state(Gst.State.PLAYING)
        GLib.timeout_add_seconds(self.args.connect_timeout, self.on_connect_timeout)
        self.loop.run()
        self.pipeline.set_state(Gst.State.NULL)
        if self.failed:
            emit("error", message=self.failed)
            return 1
        return 0

    def fail(self, message):
        if not self.failed:
            self.failed = message
        self.loop.quit()

    def on_error(self, _bus, message):
        error, debug = message.parse_error()
        self.fail(f"{error.message} ({debug})")

    def on_negotiation_needed(self, _element):
        promise = Gst.Promise.new_with_change_func(self.on_offer_created, None)
        self.webrtc.emit("create-offer", None, promise)

    def on_offer_created(self, promise, _data):
        promise.wait()
        reply = promise.get_reply()  # held while the offer is used: the offer lives in it
        offer = reply.get_value("offer")
        self.webrtc.emit("set-local-description", offer, Gst.Promise.new())

    def on_gathering_state(self, _element, _spec):
        state = self.webrtc.get_property("ice-gathering-state")
        if state == GstWebRTC.WebRTCICEGatheringState.COMPLETE and not self.offer_sent:
            self.offer_sent = True
            # non-trickle WHIP: the offer goes out with every candidate in it
            offer = self.webrtc.get_property("local-description").sdp.as_text()
            GLib.idle_add(self.post_offer, offer)

    def on_ice_connection_state(self, _element, _spec):
        if self.webrtc.get_property("ice-connection-state") == GstWebRTC.WebRTCICEConnectionState.FAILED:
            GLib.idle_add(self.fail, "ICE failed")

    def on_connection_state(self, _element, _spec):
        state = self.webrtc.get_property("connection-state")
        if state == GstWebRTC.WebRTCPeerConnectionState.CONNECTED and not self.connected.is_set():
            self.connected.set()
            GLib.idle_add(self.start_sending)
        elif state == GstWebRTC.WebRTCPeerConnectionState.FAILED:
            GLib.idle_add(self.fail, "DTLS failed")

    def start_sending(self):
        """Media flows from now on, starting with a keyframe. Frames encoded while ICE and DTLS
        connected would otherwise leave in one late burst, seconds behind the audio."""
        for gate in ("video_gate", "audio_gate"):
            self.pipeline.get_by_name(gate).set_property("drop", False)
        keyframe = GstVideo.video_event_new_upstream_force_key_unit(Gst.CLOCK_TIME_NONE, True, 0)
        self.pipeline.get_by_name("video_gate").get_static_pad("src").send_event(keyframe)
        emit("connected")
        GLib.timeout_add(int(self.args.seconds * 1000), self.on_time_up)
        return False

    def post_offer(self, offer):
        emit("offer", sdp=offer)
        request = urllib.request.Request(self.args.whip, data=offer.encode(), method="POST",
                                         headers={"Content-Type": "application/sdp"})
        try:
            with urllib.request.urlopen(request, timeout=HTTP_TIMEOUT_SECONDS) as response:
                status, answer = response.status, response.read().decode()
                self.location = urllib.parse.urljoin(self.args.whip, response.headers["Location"])
        except urllib.error.HTTPError as e:
            emit("posted", status=e.code, body=e.read().decode(errors="replace"))
            self.fail(f"WHIP POST answered {e.code}")
            return False
        emit("posted", status=status, location=self.location, sdp=answer)
        _, message = GstSdp.SDPMessage.new_from_text(answer)
        description = GstWebRTC.WebRTCSessionDescription.new(GstWebRTC.WebRTCSDPType.ANSWER, message)
        self.webrtc.emit("set-remote-description", description, Gst.Promise.new())
        return False

    def on_connect_timeout(self):
        if not self.connected.is_set():
            self.fail(f"not connected after {self.args.connect_timeout} s")
        return False

    def on_time_up(self):
        promise = Gst.Promise.new_with_change_func(self.on_stats, None)
        self.webrtc.emit("get-stats", None, promise)
        return False

    def on_stats(self, promise, _data):
        promise.wait()
        local = self.webrtc.get_property("local-description").sdp
        emit("stats", video=video_sender_stats(promise.get_reply(), first_ssrc(local, 0)))
        GLib.idle_add(self.delete)

    def delete(self):
        request = urllib.request.Request(self.location, method="DELETE")
        try:
            with urllib.request.urlopen(request, timeout=HTTP_TIMEOUT_SECONDS) as response:
                emit("deleted", status=response.status)
        except urllib.error.HTTPError as e:
            emit("deleted", status=e.code)
        self.loop.quit()
        return False


def video_sender_stats(report, ssrc):
    """The outbound-rtp entry of the video SSRC: packets sent and the NACKs and PLIs it received.
    Picked by SSRC, as webrtcbin 1.22 may label every outbound stream with the last codec's kind."""
    found = {}

    def visit(_field, value):
        if isinstance(value, Gst.Structure) and value.get_name() == "outbound-rtp":
            ok, number = value.get_uint("ssrc")
            if ok and number == ssrc:
                found["ssrc"] = number
                for key in ("packets-sent", "bytes-sent"):
                    found[key] = value.get_uint64(key)[1]
                for key in ("nack-count", "pli-count", "fir-count"):
                    found[key] = value.get_uint(key)[1]
        return True

    report.foreach(visit)
    return found


def first_ssrc(sdp, media_index):
    """The first a=ssrc of a media section of an SDP message."""
    value = sdp.get_media(media_index).get_attribute_val("ssrc")
    return int(value.split(" ", 1)[0]) if value else -1


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--whip", required=True, help="the WHIP endpoint, e.g. http://127.0.0.1:4567/whip/cam1")
    parser.add_argument("--seconds", type=float, default=8, help="how long to send once connected")
    parser.add_argument("--width", type=int, default=640)
    parser.add_argument("--height", type=int, default=480)
    parser.add_argument("--fps", type=int, default=30)
    parser.add_argument("--pattern", default="ball", help="videotestsrc pattern (it moves sideways)")
    parser.add_argument("--key-int", type=int, default=45,
                        help="frames between keyframes (under the 2 s after which the server asks for one)")
    parser.add_argument("--kbps", type=int, default=1000, help="video bitrate")
    parser.add_argument("--nack", action="store_true", help="offer NACK and RTX and answer NACKs")
    parser.add_argument("--local-address", default="127.0.0.1", help="the one address ICE gathers on")
    parser.add_argument("--connect-timeout", type=int, default=30)
    args = parser.parse_args()
    Gst.init(None)
    return WhipPublisher(args).run()


if __name__ == "__main__":
    sys.exit(main())
