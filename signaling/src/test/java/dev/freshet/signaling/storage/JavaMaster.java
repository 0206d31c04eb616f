package dev.freshet.signaling.storage;

import dev.freshet.signaling.whip.JavaCamera;
import dev.freshet.signaling.whip.LoopbackOfferer;
import dev.freshet.webrtc.depacketize.OpusPacketizer;
import dev.freshet.webrtc.depacketize.RtpPayload;
import dev.freshet.webrtc.dtls.DtlsRole;
import dev.freshet.webrtc.rtp.OutgoingRtpPacket;
import dev.freshet.webrtc.transport.SecureTransport;

import java.util.ArrayList;
import java.util.List;

/**
 * A KVS signaling channel's master in Java, as a camera would be toward a storage session: it
 * answers Freshet's offer with H.264 (payload type 96 of the offer: packetization-mode 1,
 * constrained baseline) and Opus (111), sendonly, bundled, rtcp-mux, with its SSRCs, ICE
 * controlled (as a KVS C SDK answerer always is) from a loopback socket of its own, and the DTLS
 * role it is given ({@code setup:active}
 * for the client, {@code passive} for the server).
 */
final class JavaMaster implements AutoCloseable {

    static final long AUDIO_SSRC = 0x0A0D_10L;
    static final int OPUS_PAYLOAD_TYPE = 111;
    /** 20 ms of CELT fullband (TOC config 31, one frame): enough for the Opus depacketizer. */
    private static final byte[] OPUS_20MS = {(byte) 0xF8, 1, 2, 3};

    private final LoopbackOfferer peer = new LoopbackOfferer(false);
    private final DtlsRole role;
    private SecureTransport transport;

    JavaMaster(DtlsRole role) {
        this.role = role;
    }

    /** The answer, written by hand like a camera's SDK would. */
    String answer() {
        String setup = role == DtlsRole.CLIENT ? "active" : "passive";
        List<String> lines = new ArrayList<>(List.of("v=0", "o=- 77 2 IN IP4 127.0.0.1", "s=-", "t=0 0",
            "a=group:BUNDLE 0 1", "m=video 9 UDP/TLS/RTP/SAVPF " + JavaCamera.PAYLOAD_TYPE, "c=IN IP4 0.0.0.0"));
        lines.addAll(peer.transportLines(setup));
        lines.addAll(List.of("a=mid:0", "a=sendonly", "a=rtpmap:96 H264/90000", "a=rtcp-fb:96 nack",
            "a=rtcp-fb:96 nack pli", "a=fmtp:96 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f",
            "a=ssrc:" + JavaCamera.SSRC + " cname:master",
            "m=audio 9 UDP/TLS/RTP/SAVPF " + OPUS_PAYLOAD_TYPE, "c=IN IP4 0.0.0.0"));
        lines.addAll(peer.transportLines(setup));
        lines.addAll(List.of("a=mid:1", "a=sendonly", "a=rtpmap:111 opus/48000/2",
            "a=ssrc:" + AUDIO_SSRC + " cname:master"));
        return String.join("\r\n", lines) + "\r\n";
    }

    /** Connects to the server the offer names (once it has the answer), and waits for DTLS. */
    void connect(String offerSdp) throws Exception {
        transport = peer.connect(offerSdp, role, new SecureTransport.Receiver() {
            @Override
            public void rtp(byte[] packet, int offset, int length) {
            }

            @Override
            public void rtcp(byte[] packet, int offset, int length) {
            }
        }, "master");
    }

    /**
     * Sends the access units at 30 fps and 20 ms Opus packets alongside, in real time, as RTP;
     * returns the packet count.
     */
    long publish(List<byte[]> units) throws Exception {
        OpusPacketizer opus = new OpusPacketizer(500);
        long sent = 0;
        int audio = 0;
        List<List<byte[]>> video = JavaCamera.packets(units);
        for (int i = 0; i < video.size(); i++) {
            for (byte[] rtp : video.get(i)) {
                transport.sendRtp(rtp, 0, rtp.length);
                sent++;
            }
            // audio keeps up with the video's clock: 20 ms packets up to the picture's time (1/30 s each)
            for (; audio * 20 * 30 <= i * 1000; audio++) {
                RtpPayload p = opus.packetize(OPUS_20MS, 960L * audio);
                byte[] rtp = OutgoingRtpPacket.of(p.marker(), OPUS_PAYLOAD_TYPE, p.sequenceNumber(), p.timestamp(),
                    AUDIO_SSRC, p.toByteArray()).encode();
                transport.sendRtp(rtp, 0, rtp.length);
                sent++;
            }
            Thread.sleep(33);
        }
        return sent;
    }

    @Override
    public void close() {
        peer.close();
    }
}
