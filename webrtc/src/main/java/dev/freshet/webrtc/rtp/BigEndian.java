package dev.freshet.webrtc.rtp;

/**
 * Network-order reads and writes of unsigned fields; callers have checked the bounds.
 *
 * <p>Stateless; thread-safe.
 */
final class BigEndian {

    private BigEndian() {
    }

    static int u8(byte[] b, int at) {
        return b[at] & 0xFF;
    }

    static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) << 8 | b[at + 1] & 0xFF;
    }

    static long u32(byte[] b, int at) {
        return (long) u16(b, at) << 16 | u16(b, at + 2);
    }

    static void put16(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 8);
        b[at + 1] = (byte) v;
    }

    static void put32(byte[] b, int at, long v) {
        put16(b, at, (int) (v >>> 16));
        put16(b, at + 2, (int) v);
    }
}
