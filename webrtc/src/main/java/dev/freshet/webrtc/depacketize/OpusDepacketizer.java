package dev.freshet.webrtc.depacketize;

import java.util.Optional;

/**
 * Takes Opus packets out of RTP (RFC 7587): each payload is one whole Opus packet, so there is
 * nothing to reassemble; what this adds is the duration from the TOC byte ({@link OpusToc}) and the
 * dropping of late or repeated packets.
 *
 * <pre>
 *   RTP payload (RFC 7587 4.2) = one Opus packet (RFC 6716 3): | TOC | [frame count/lengths] | frames |
 * </pre>
 *
 * <p>Not thread-safe: one per received Opus stream, on that stream's receive thread.
 */
public final class OpusDepacketizer {

    private final DropCounters counters = new DropCounters();
    private final SequenceOrder order = new SequenceOrder(counters);

    /**
     * The packet's Opus packet, or empty for a late or repeated one. A gap is only counted: audio
     * frames stand alone, and the decoder conceals what is missing.
     */
    public Optional<OpusPacket> depacketize(RtpPayload packet) {
        if (order.accept(packet.sequenceNumber()) == SequenceOrder.Step.LATE) {
            return Optional.empty();
        }
        long durationMicros = OpusToc.packetMicros(packet);
        return Optional.of(new OpusPacket(packet.timestamp(), durationMicros, packet.toByteArray()));
    }

    /** What was dropped so far. */
    public DropCounters counters() {
        return counters;
    }
}
