package dev.freshet.webrtc.rtp;

/**
 * Serial number arithmetic (RFC 1982) for counters of 16 or 32 bits that wrap: the signed
 * distance is the shorter way round the circle. Exactly half way round is ambiguous; it counts
 * as forward when {@code to} is numerically larger, so that {@code distance(a, b) == -distance(b, a)}
 * and newer-than stays antisymmetric.
 *
 * <p>Stateless; thread-safe.
 */
final class SerialArithmetic {

    private SerialArithmetic() {
    }

    /** The signed steps from {@code from} to {@code to}, both in {@code [0, 2^bits)}. */
    static long distance(long from, long to, int bits) {
        long modulus = 1L << bits;
        long half = modulus >>> 1;
        long forward = (to - from) & (modulus - 1);
        if (forward < half || forward == half && to > from) {
            return forward;
        }
        return forward - modulus;
    }
}
