package dev.freshet.fragments.codec;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads big- and little-endian fields from a byte array, front to back, throwing
 * {@link CodecException} ({@code TRUNCATED}) instead of running past its end.
 *
 * <p>Not thread-safe: one cursor per parse.
 */
final class ByteCursor {

    private final byte[] data;
    private final String what;
    private int position;

    /** A cursor at the start of {@code data}; {@code what} names the structure in error messages. */
    ByteCursor(byte[] data, String what) {
        this.data = data;
        this.what = what;
    }

    int u8() {
        require(1);
        return data[position++] & 0xFF;
    }

    int u16() {
        return (u8() << 8) | u8();
    }

    long u32() {
        return ((long) u16() << 16) | u16();
    }

    /** Big-endian unsigned value of {@code bytes} bytes (at most 7). */
    long unsigned(int bytes) {
        long value = 0;
        for (int i = 0; i < bytes; i++) {
            value = (value << 8) | u8();
        }
        return value;
    }

    int u16le() {
        return u8() | (u8() << 8);
    }

    long u32le() {
        return u16le() | ((long) u16le() << 16);
    }

    byte[] bytes(int count) {
        require(count);
        byte[] out = java.util.Arrays.copyOfRange(data, position, position + count);
        position += count;
        return out;
    }

    /**
     * {@code count} NAL units, each behind a u16 length: how the configuration records of ISO/IEC
     * 14496-15 (avcC, hvcC) list their parameter sets. An empty unit is {@code MALFORMED}.
     */
    List<NalUnit> nalUnits(int count) {
        List<NalUnit> units = new ArrayList<>(Math.min(count, remaining() / 2));
        for (int i = 0; i < count; i++) {
            int length = u16();
            if (length == 0) {
                throw CodecException.malformed("empty NAL unit in " + what);
            }
            units.add(NalUnit.of(bytes(length)));
        }
        return units;
    }

    int remaining() {
        return data.length - position;
    }

    private void require(int count) {
        if (count > data.length - position) {
            throw CodecException.truncated(what);
        }
    }
}
