package dev.freshet.webrtc.depacketize;

/**
 * Where a packet's 16-bit sequence number (RFC 3550 5.1) stands against the one expected next,
 * compared modulo 2^16 so the wrap from 65535 to 0 is just the next step. Gaps and late packets are
 * counted here. Not thread-safe: owned by one depacketizer.
 */
final class SequenceOrder {

    enum Step {
        /** The first packet: nothing is known about what came before it. */
        FIRST,
        /** The packet expected next. */
        NEXT,
        /** Later than expected: the packets between were lost. */
        AFTER_GAP,
        /** At or before the last packet taken: a late retransmission or a copy, to drop. */
        LATE
    }

    private final DropCounters counters;
    private int expected = -1;

    SequenceOrder(DropCounters counters) {
        this.counters = counters;
    }

    /** Places {@code sequenceNumber}; unless it is late, the next one is expected after it. */
    Step accept(int sequenceNumber) {
        Step step = classify(sequenceNumber);
        if (step == Step.LATE) {
            counters.increment(DepacketizeDrop.DUPLICATE_PACKET);
            return step;
        }
        if (step == Step.AFTER_GAP) {
            counters.increment(DepacketizeDrop.SEQUENCE_GAP);
        }
        expected = (sequenceNumber + 1) & 0xFFFF;
        return step;
    }

    private Step classify(int sequenceNumber) {
        if (expected < 0) {
            return Step.FIRST;
        }
        int delta = (short) (sequenceNumber - expected);
        return delta == 0 ? Step.NEXT : delta > 0 ? Step.AFTER_GAP : Step.LATE;
    }
}
