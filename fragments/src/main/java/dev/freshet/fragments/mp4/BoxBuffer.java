package dev.freshet.fragments.mp4;

import java.nio.charset.StandardCharsets;

/**
 * A presized big-endian byte sink for {@link Box} trees: the tree is measured, one array of exactly
 * that size is allocated, and the boxes write into it. {@link #finish()} checks that the writes
 * filled it exactly, which catches a box whose {@code size()} disagrees with its {@code write}.
 *
 * <p>Not thread-safe.
 */
final class BoxBuffer {

    private final byte[] bytes;
    private int position;

    BoxBuffer(int size) {
        bytes = new byte[size];
    }

    /** Measures and writes boxes one after the other into a new array. */
    static byte[] write(Box... boxes) {
        int size = 0;
        for (Box box : boxes) {
            size = Math.addExact(size, box.size());
        }
        BoxBuffer out = new BoxBuffer(size);
        for (Box box : boxes) {
            out.box(box);
        }
        return out.finish();
    }

    /** Writes a child box and checks that it wrote what it promised. */
    void box(Box box) {
        int start = position;
        box.write(this);
        if (position - start != box.size()) {
            throw new IllegalStateException(box.getClass().getSimpleName() + " wrote " + (position - start)
                + " bytes, promised " + box.size());
        }
    }

    void header(long size, String type) {
        u32(size);
        type(type);
    }

    void fullHeader(int size, String type, int version, int flags) {
        header(size, type);
        u8(version);
        u24(flags);
    }

    void type(String fourcc) {
        byte[] ascii = fourcc.getBytes(StandardCharsets.ISO_8859_1);
        if (ascii.length != 4) {
            throw new IllegalArgumentException("box type must be four characters: " + fourcc);
        }
        bytes(ascii);
    }

    void u8(int value) {
        bytes[position++] = (byte) value;
    }

    void u16(int value) {
        u8(value >>> 8);
        u8(value);
    }

    void u24(int value) {
        u8(value >>> 16);
        u16(value);
    }

    void u32(long value) {
        u16((int) (value >>> 16));
        u16((int) value);
    }

    void u64(long value) {
        u32(value >>> 32);
        u32(value);
    }

    void zeros(int count) {
        position += count;
    }

    void bytes(byte[] source) {
        bytes(source, 0, source.length);
    }

    void bytes(byte[] source, int offset, int length) {
        System.arraycopy(source, offset, bytes, position, length);
        position += length;
    }

    byte[] finish() {
        if (position != bytes.length) {
            throw new IllegalStateException("wrote " + position + " of " + bytes.length + " bytes");
        }
        return bytes;
    }
}
