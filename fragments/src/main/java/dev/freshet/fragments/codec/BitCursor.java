package dev.freshet.fragments.codec;

/**
 * Reads bit fields, most significant bit first, from bytes that have no emulation prevention (MPEG-4
 * audio configs); reading past the end throws {@link CodecException} ({@code TRUNCATED}). NAL unit
 * payloads need {@link RbspReader} instead: it drops the {@code 03} of every {@code 00 00 03}, which
 * in an AudioSpecificConfig would be data.
 *
 * <p>Not thread-safe: one cursor per parse.
 */
final class BitCursor {

    private final byte[] data;
    private final String what;
    private long position;

    BitCursor(byte[] data, String what) {
        this.data = data;
        this.what = what;
    }

    /** The next {@code n} bits (0..31) as an unsigned value. */
    int bits(int n) {
        if (position + n > 8L * data.length) {
            throw CodecException.truncated(what);
        }
        int value = 0;
        for (int i = 0; i < n; i++, position++) {
            int bit = (data[(int) (position >> 3)] >> (7 - (position & 7))) & 1;
            value = (value << 1) | bit;
        }
        return value;
    }
}
