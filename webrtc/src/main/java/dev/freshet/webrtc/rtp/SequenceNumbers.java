package dev.freshet.webrtc.rtp;

import java.util.Comparator;

/**
 * The 16-bit RTP sequence number as it wraps from 65535 to 0 (RFC 3550 section 5.1, RFC 1982
 * serial arithmetic): which of two is newer and how far apart they are. A number is newer than
 * another when it lies less than half the circle (32768) ahead of it.
 *
 * <p>Stateless; thread-safe.
 */
public final class SequenceNumbers {

    /** Orders sequence numbers oldest first across a wrap; consistent only within a half circle. */
    public static final Comparator<Integer> OLDEST_FIRST = SequenceNumbers::compare;

    private SequenceNumbers() {
    }

    /** The signed steps from {@code from} to {@code to}: positive when {@code to} is newer. */
    public static int distance(int from, int to) {
        return (int) SerialArithmetic.distance(from, to, 16);
    }

    /** Whether {@code a} was sent after {@code b}. */
    public static boolean isNewer(int a, int b) {
        return distance(b, a) > 0;
    }

    /** Negative, zero or positive as {@code a} is older than, equal to or newer than {@code b}. */
    public static int compare(int a, int b) {
        return Integer.signum(distance(b, a));
    }

    /** {@code seq + delta} modulo 2^16. */
    public static int add(int seq, int delta) {
        return (seq + delta) & 0xFFFF;
    }
}
