package dev.freshet.webrtc.rtp;

/**
 * The 32-bit RTP timestamp as it wraps from 2^32-1 to 0 (RFC 3550 section 5.1): which of two is
 * later and how many clock ticks apart, the shorter way round (less than 2^31 ticks).
 *
 * <p>Stateless; thread-safe.
 */
public final class RtpTimestamps {

    private RtpTimestamps() {
    }

    /** The signed ticks from {@code from} to {@code to}: positive when {@code to} is later. */
    public static long distance(long from, long to) {
        return SerialArithmetic.distance(from, to, 32);
    }

    /** Whether {@code a} is later than {@code b}. */
    public static boolean isNewer(long a, long b) {
        return distance(b, a) > 0;
    }

    /** {@code timestamp + delta} modulo 2^32. */
    public static long add(long timestamp, long delta) {
        return (timestamp + delta) & 0xFFFF_FFFFL;
    }
}
