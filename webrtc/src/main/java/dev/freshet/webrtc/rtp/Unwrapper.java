package dev.freshet.webrtc.rtp;

/**
 * Extends a wrapping 16-bit sequence number or 32-bit timestamp to a 64-bit count that does not
 * wrap, as reorder buffers and the SRTP packet index (RFC 3711 section 3.3.1: ROC * 2^16 + SEQ)
 * need. Each value is placed the shorter way round from the newest value seen so far; the first
 * value unwraps to itself. A late value from before a wrap that happened before the first value
 * unwraps to a negative number (SRTP refuses those: no roll-over counter of -1).
 *
 * <p>Not thread-safe: one per stream, used by the thread that receives it.
 */
public final class Unwrapper {

    private final int bits;
    private long newest;
    private boolean started;

    private Unwrapper(int bits) {
        this.bits = bits;
    }

    /** For 16-bit RTP sequence numbers. */
    public static Unwrapper forSequenceNumbers() {
        return new Unwrapper(16);
    }

    /** For 32-bit RTP timestamps. */
    public static Unwrapper forTimestamps() {
        return new Unwrapper(32);
    }

    /** The extended value of {@code value}, which must lie in {@code [0, 2^bits)}. */
    public long unwrap(long value) {
        if (value >>> bits != 0) {
            throw new IllegalArgumentException(value + " is not a " + bits + "-bit value");
        }
        if (!started) {
            started = true;
            newest = value;
            return value;
        }
        long extended = newest + SerialArithmetic.distance(newest & ((1L << bits) - 1), value, bits);
        newest = Math.max(newest, extended);
        return extended;
    }

    /** The extended value of the newest value seen, or -1 before the first. */
    public long newest() {
        return started ? newest : -1;
    }
}
