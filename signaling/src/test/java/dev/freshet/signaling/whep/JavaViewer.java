package dev.freshet.signaling.whep;

import dev.freshet.signaling.whip.LoopbackOfferer;
import dev.freshet.webrtc.rtcp.GenericNack;
import dev.freshet.webrtc.rtcp.RtcpCompound;
import dev.freshet.webrtc.rtp.RtpPacket;
import dev.freshet.webrtc.transport.SecureTransport;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * A WHEP viewer in Java, as a browser would be: one recvonly H.264 section on a payload type other
 * than the publisher's, with the sdes:mid extension; by default it keeps every RTP packet it
 * decrypts, by sequence number, and can NACK packets to have them sent again. The WebRTC benchmark
 * gives it a listener instead, and sends receiver reports through {@link #sendRtcp} so the server
 * keeps the session.
 */
public final class JavaViewer implements AutoCloseable {

    public static final int PAYLOAD_TYPE = 102;

    private final LoopbackOfferer offerer = new LoopbackOfferer();
    private final Map<Integer, byte[]> received = new ConcurrentHashMap<>();
    private final Consumer<RtpPacket> listener;
    private SecureTransport transport;

    /** A viewer that keeps what it receives, for {@link #received()}. */
    public JavaViewer() {
        this.listener = rtp -> {
            byte[] copy = new byte[rtp.length()];
            rtp.encodeTo(copy, 0);
            received.put(rtp.sequenceNumber(), copy);
        };
    }

    /** A viewer that hands each decrypted RTP packet to {@code listener}, on the receive thread, and keeps none. */
    public JavaViewer(Consumer<RtpPacket> listener) {
        this.listener = listener;
    }

    public String offer() {
        List<String> lines = new ArrayList<>(List.of(
            "v=0", "o=- 8611731400430051336 2 IN IP4 127.0.0.1", "s=-", "t=0 0", "a=group:BUNDLE v",
            "a=msid-semantic: WMS", "m=video 9 UDP/TLS/RTP/SAVPF " + PAYLOAD_TYPE, "c=IN IP4 0.0.0.0",
            "a=rtcp:9 IN IP4 0.0.0.0"));
        lines.addAll(offerer.transportLines());
        lines.addAll(List.of("a=mid:v", "a=extmap:9 urn:ietf:params:rtp-hdrext:sdes:mid", "a=recvonly",
            "a=rtpmap:102 H264/90000", "a=rtcp-fb:102 nack", "a=rtcp-fb:102 nack pli",
            "a=fmtp:102 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f"));
        return String.join("\r\n", lines) + "\r\n";
    }

    public void connect(String answerSdp) throws Exception {
        transport = offerer.connect(answerSdp, new SecureTransport.Receiver() {
            @Override
            public void rtp(byte[] packet, int offset, int length) {
                listener.accept(RtpPacket.decode(packet, offset, length));
            }

            @Override
            public void rtcp(byte[] packet, int offset, int length) {
            }
        }, "viewer");
    }

    /** Decrypted packets by sequence number. */
    Map<Integer, RtpPacket> received() {
        Map<Integer, RtpPacket> packets = new ConcurrentHashMap<>();
        received.forEach((seq, bytes) -> packets.put(seq, RtpPacket.decode(bytes, 0, bytes.length)));
        return packets;
    }

    /**
     * Packets that arrived again: authenticated, but refused by SRTP's replay check because the
     * viewer has them already (a NACK from a viewer that lost nothing).
     */
    long replayed() {
        return transport.counters().replayed();
    }

    /** Protects and sends an RTCP compound (a receiver report keeps the session alive). */
    public void sendRtcp(byte[] compound) throws IOException {
        transport.sendRtcp(compound, 0, compound.length);
    }

    /** Asks for {@code lost} again, as a receiver that missed them would. */
    void nack(long mediaSsrc, List<Integer> lost) throws IOException {
        byte[] nack = RtcpCompound.encode(List.of(new GenericNack(1, mediaSsrc, lost)));
        transport.sendRtcp(nack, 0, nack.length);
    }

    @Override
    public void close() {
        offerer.close();
    }
}
