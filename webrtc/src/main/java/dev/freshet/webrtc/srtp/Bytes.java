package dev.freshet.webrtc.srtp;

/**
 * Big-endian reads and writes, and the constant-time comparison tags need.
 *
 * <p>Stateless and thread-safe.
 */
final class Bytes {

    private Bytes() {
    }

    static int uint16(byte[] b, int i) {
        return (b[i] & 0xFF) << 8 | b[i + 1] & 0xFF;
    }

    static int int32(byte[] b, int i) {
        return (b[i] & 0xFF) << 24 | (b[i + 1] & 0xFF) << 16 | (b[i + 2] & 0xFF) << 8 | b[i + 3] & 0xFF;
    }

    static void putInt32(byte[] b, int i, int v) {
        b[i] = (byte) (v >>> 24);
        b[i + 1] = (byte) (v >>> 16);
        b[i + 2] = (byte) (v >>> 8);
        b[i + 3] = (byte) v;
    }

    /** XORs the low {@code count} bytes of {@code v}, big-endian, into {@code b[i..i+count)}. */
    static void xorBigEndian(byte[] b, int i, long v, int count) {
        for (int k = count - 1; k >= 0; k--) {
            b[i + k] ^= (byte) v;
            v >>>= 8;
        }
    }

    /** Compares without an early exit, so the timing does not tell a forger how many bytes matched. */
    static boolean constantTimeEquals(byte[] a, int aOffset, byte[] b, int bOffset, int length) {
        int diff = 0;
        for (int k = 0; k < length; k++) {
            diff |= a[aOffset + k] ^ b[bOffset + k];
        }
        return diff == 0;
    }
}
