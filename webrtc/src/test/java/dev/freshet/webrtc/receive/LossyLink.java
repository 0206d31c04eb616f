package dev.freshet.webrtc.receive;

import dev.freshet.webrtc.depacketize.RtpPayload;
import dev.freshet.webrtc.rtcp.GenericNack;
import dev.freshet.webrtc.rtcp.PictureLossIndication;
import dev.freshet.webrtc.rtcp.RtcpPacket;
import dev.freshet.webrtc.rtp.OutgoingRtpPacket;
import dev.freshet.webrtc.rtp.RtpPacket;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * A sender and the network to a {@link ReceivePipeline}, on a simulated clock: packets are queued
 * with their arrival times, and NACKs the pipeline sends are answered with RTX retransmissions
 * that arrive a round trip after the tick that sent them, when {@code retransmit} is on. Each packet is delivered
 * through one reused buffer, as a socket loop would.
 */
final class LossyLink {

    static final int PAYLOAD_TYPE = 96;
    static final int RTX_PAYLOAD_TYPE = 97;

    private record Delivery(long atMicros, long order, byte[] datagram) {
    }

    private final long mediaSsrc;
    private final long rtxSsrc;
    private final long halfRttMicros;
    private final boolean retransmit;
    private final PriorityQueue<Delivery> queue = new PriorityQueue<>(
        Comparator.comparingLong(Delivery::atMicros).thenComparingLong(Delivery::order));
    private final Map<Integer, RtpPayload> history = new HashMap<>();
    private final byte[] socketBuffer = new byte[1500];
    final List<RtcpPacket> rtcp = new ArrayList<>();
    /** When each keyframe request (PLI) was sent. */
    final List<Long> pliMicros = new ArrayList<>();
    private ReceivePipeline pipeline;
    private long order;
    private long now;
    private int rtxSequenceNumber = 65_530;

    LossyLink(long mediaSsrc, long rtxSsrc, long halfRttMicros, boolean retransmit) {
        this.mediaSsrc = mediaSsrc;
        this.rtxSsrc = rtxSsrc;
        this.halfRttMicros = halfRttMicros;
        this.retransmit = retransmit;
    }

    void connect(ReceivePipeline receiver) {
        this.pipeline = receiver;
    }

    /** The sender sends {@code payload}; it arrives at {@code atMicros}, or never if {@code lost}. */
    void send(RtpPayload payload, long atMicros, boolean lost) {
        history.put(payload.sequenceNumber(), payload);
        if (!lost) {
            queue.add(new Delivery(atMicros, order++, OutgoingRtpPacket.of(payload.marker(), PAYLOAD_TYPE,
                payload.sequenceNumber(), payload.timestamp(), mediaSsrc, payload.toByteArray()).encode()));
        }
    }

    /** Any datagram, arriving at {@code atMicros}. */
    void sendRaw(OutgoingRtpPacket packet, long atMicros) {
        queue.add(new Delivery(atMicros, order++, packet.encode()));
    }

    /** The pipeline's RTCP output: NACKs are answered, everything is recorded. */
    void receiveRtcp(List<RtcpPacket> packets) {
        rtcp.addAll(packets);
        for (RtcpPacket packet : packets) {
            if (packet instanceof PictureLossIndication) {
                pliMicros.add(now);
            }
            if (packet instanceof GenericNack nack && retransmit) {
                nack.lost().forEach(seq -> resend(history.get(seq), now + 2 * halfRttMicros));
            }
        }
    }

    /** Delivers and ticks every {@code stepMicros} from {@code fromMicros} until {@code toMicros}. */
    void run(long fromMicros, long toMicros, long stepMicros) {
        for (now = fromMicros; now <= toMicros; now += stepMicros) {
            while (!queue.isEmpty() && queue.peek().atMicros() <= now) {
                Delivery delivery = queue.poll();
                System.arraycopy(delivery.datagram(), 0, socketBuffer, 0, delivery.datagram().length);
                pipeline.onRtp(RtpPacket.decode(socketBuffer, 0, delivery.datagram().length), delivery.atMicros());
            }
            pipeline.tick(now);
        }
    }

    <T extends RtcpPacket> List<T> rtcpOf(Class<T> type) {
        return rtcp.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private void resend(RtpPayload original, long atMicros) {
        byte[] body = new byte[original.length() + 2];
        body[0] = (byte) (original.sequenceNumber() >> 8);
        body[1] = (byte) original.sequenceNumber();
        System.arraycopy(original.buffer(), original.offset(), body, 2, original.length());
        queue.add(new Delivery(atMicros, order++, OutgoingRtpPacket.of(original.marker(), RTX_PAYLOAD_TYPE,
            rtxSequenceNumber, original.timestamp(), rtxSsrc, body).encode()));
        rtxSequenceNumber = (rtxSequenceNumber + 1) & 0xFFFF;
    }
}
