package dev.freshet.signaling.storage;

import dev.freshet.signaling.whip.LoopbackOfferer;
import dev.freshet.webrtc.dtls.DtlsRole;
import dev.freshet.webrtc.rtp.RtpPacket;
import dev.freshet.webrtc.sdp.MediaDescription;
import dev.freshet.webrtc.sdp.RtpMap;
import dev.freshet.webrtc.sdp.SessionDescription;
import dev.freshet.webrtc.transport.SecureTransport;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * A viewer of a storage session in Java, as a KVS SDK viewer that called JoinStorageSessionAsViewer
 * is: it answers Freshet's sendonly offer recvonly with the offered payload types, bundled,
 * rtcp-mux, ICE controlled (the offer is a full agent's), {@code setup:active} (DTLS client), from a
 * loopback socket of its own, and counts the RTP it receives by payload type and SSRC.
 */
final class JavaStorageViewer implements AutoCloseable {

    private final LoopbackOfferer peer = new LoopbackOfferer(false);
    /** Packets received by {@code "<payload type>/<ssrc>"}. */
    private final Map<String, AtomicLong> received = new ConcurrentHashMap<>();
    private SecureTransport transport;

    /** The answer to {@code offerSdp}: each offered section received with its codec. */
    String answer(String offerSdp) {
        SessionDescription offer = SessionDescription.parse(offerSdp);
        List<String> lines = new ArrayList<>(List.of("v=0", "o=- 91 2 IN IP4 127.0.0.1", "s=-", "t=0 0",
            "a=group:BUNDLE " + String.join(" ", offer.bundle())));
        for (MediaDescription m : offer.media()) {
            int pt = m.payloadTypes().get(0);
            lines.addAll(List.of("m=" + m.kind().token() + " 9 UDP/TLS/RTP/SAVPF " + pt, "c=IN IP4 0.0.0.0"));
            lines.addAll(peer.transportLines("active"));
            RtpMap codec = m.rtp().rtpMap(pt).orElseThrow();
            lines.addAll(List.of("a=mid:" + m.mid(), "a=recvonly", "a=rtpmap:" + pt + " " + codec.encodingName() + "/"
                + codec.clockRate() + (codec.channels() > 0 ? "/" + codec.channels() : "")));
            Map<String, String> parameters = m.rtp().fmtp(pt).parameters();
            if (!parameters.isEmpty()) {
                lines.add("a=fmtp:" + pt + " " + parameters.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(";")));
            }
        }
        return String.join("\r\n", lines) + "\r\n";
    }

    /** Connects to the server the offer names (once it has the answer), and waits for DTLS. */
    void connect(String offerSdp) throws Exception {
        transport = peer.connect(offerSdp, DtlsRole.CLIENT, new SecureTransport.Receiver() {
            @Override
            public void rtp(byte[] packet, int offset, int length) {
                RtpPacket rtp = RtpPacket.decode(packet, offset, length);
                received.computeIfAbsent(rtp.payloadType() + "/" + rtp.ssrc(), k -> new AtomicLong()).incrementAndGet();
            }

            @Override
            public void rtcp(byte[] packet, int offset, int length) {
            }
        }, "storage-viewer");
    }

    /** Packets received with {@code payloadType} and {@code ssrc}. */
    long received(int payloadType, long ssrc) {
        AtomicLong count = received.get(payloadType + "/" + ssrc);
        return count == null ? 0 : count.get();
    }

    @Override
    public void close() {
        peer.close();
    }
}
