package dev.freshet.signaling.whip;

import dev.freshet.webrtc.MalformedInputException;
import dev.freshet.webrtc.depacketize.H264Packetizer;
import dev.freshet.webrtc.rtcp.PictureLossIndication;
import dev.freshet.webrtc.rtcp.RtcpCompound;
import dev.freshet.webrtc.rtcp.RtcpPacket;
import dev.freshet.webrtc.rtp.OutgoingRtpPacket;
import dev.freshet.webrtc.transport.SecureTransport;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A WHIP publisher in Java, as a camera would be: H.264 only, sendonly, bundled, rtcp-mux, ICE
 * controlling from a loopback socket of its own, DTLS client (it offers actpass; the server answers
 * passive). It counts the keyframe requests (PLI) it is sent, and hands all of the server's RTCP to
 * a listener if given one (the WebRTC benchmark reads receiver reports and answers NACKs).
 */
public final class JavaCamera implements AutoCloseable {

    public static final long SSRC = 0xCAFE_F00DL;
    public static final int PAYLOAD_TYPE = 96;

    private final LoopbackOfferer offerer = new LoopbackOfferer();
    private final AtomicInteger keyframeRequests = new AtomicInteger();
    private final Consumer<List<RtcpPacket>> feedback;
    private SecureTransport transport;

    public JavaCamera() {
        this(packets -> { });
    }

    /** A camera that hands each RTCP compound the server sends to {@code feedback}, on the receive thread. */
    public JavaCamera(Consumer<List<RtcpPacket>> feedback) {
        this.feedback = feedback;
    }

    /** The offer, written by hand like a browser's. */
    public String offer() {
        List<String> lines = new ArrayList<>(List.of(
            "v=0", "o=- 4611731400430051336 2 IN IP4 127.0.0.1", "s=-", "t=0 0", "a=group:BUNDLE 0",
            "a=msid-semantic: WMS *",
            "m=video 9 UDP/TLS/RTP/SAVPF " + PAYLOAD_TYPE, "c=IN IP4 0.0.0.0", "a=rtcp:9 IN IP4 0.0.0.0"));
        lines.addAll(offerer.transportLines());
        lines.addAll(List.of("a=mid:0", "a=sendonly",
            "a=rtpmap:96 H264/90000", "a=rtcp-fb:96 nack", "a=rtcp-fb:96 nack pli",
            "a=fmtp:96 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f",
            "a=ssrc:" + SSRC + " cname:camera"));
        return String.join("\r\n", lines) + "\r\n";
    }

    /** Connects to the server the answer names, and waits for the DTLS handshake. */
    public void connect(String answerSdp) throws Exception {
        transport = offerer.connect(answerSdp, new SecureTransport.Receiver() {
            @Override
            public void rtp(byte[] packet, int offset, int length) {
            }

            @Override
            public void rtcp(byte[] packet, int offset, int length) {
                try {
                    List<RtcpPacket> packets = RtcpCompound.decode(packet, offset, length);
                    keyframeRequests.addAndGet((int) packets.stream()
                        .filter(PictureLossIndication.class::isInstance).count());
                    feedback.accept(packets);
                } catch (MalformedInputException e) {
                    // not the server's feedback; nothing to count
                }
            }
        }, "camera");
    }

    /** The RTP packets {@link #publish} sends for {@code units}, one list per access unit. */
    public static List<List<byte[]>> packets(List<byte[]> units) {
        H264Packetizer packetizer = new H264Packetizer(1200, 4, 1000);
        List<List<byte[]>> packets = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            packets.add(packetizer.packetize(units.get(i), 3000L * i).stream()
                .map(p -> OutgoingRtpPacket.of(p.marker(), PAYLOAD_TYPE, p.sequenceNumber(), p.timestamp(), SSRC,
                    p.toByteArray()).encode())
                .toList());
        }
        return packets;
    }

    /** Sends the access units as RTP at 30 fps on the RTP clock, in real time; returns the packet count. */
    public long publish(List<byte[]> units) throws Exception {
        long sent = 0;
        for (List<byte[]> unit : packets(units)) {
            for (byte[] rtp : unit) {
                send(rtp);
                sent++;
            }
            Thread.sleep(33);
        }
        return sent;
    }

    /** Protects and sends one RTP packet; false (dropped) before the DTLS keys exist. */
    public boolean send(byte[] rtp) throws IOException {
        return transport.sendRtp(rtp, 0, rtp.length);
    }

    /** PLIs the server has sent this camera. */
    public int keyframeRequests() {
        return keyframeRequests.get();
    }

    @Override
    public void close() {
        offerer.close();
    }
}
