package dev.freshet.webrtc.rtp;

import java.util.Arrays;
import java.util.Objects;

/**
 * One RFC 8285 header extension element: a local identifier (negotiated in SDP {@code a=extmap})
 * and its value, as a view over the bytes it came in or was given with. Equality compares the
 * value's bytes, not the arrays.
 *
 * <p>Immutable as long as nobody writes to the viewed array; thread-safe on that condition.
 *
 * @param id     1..14 for the one-byte form, 1..255 for the two-byte form
 * @param buffer the array holding the value
 * @param offset where the value starts in {@code buffer}
 * @param length the value's length, 0..255 (0 only in the two-byte form)
 */
public record HeaderExtension(int id, byte[] buffer, int offset, int length) {

    public HeaderExtension {
        if (id < 1 || id > 255 || length > 255) {
            throw new IllegalArgumentException("extension id " + id + " of " + length + " bytes");
        }
        Objects.checkFromIndexSize(offset, length, buffer.length);
    }

    /** An element over the whole of {@code value} (not copied). */
    public static HeaderExtension of(int id, byte[] value) {
        return new HeaderExtension(id, value, 0, value.length);
    }

    /** A copy of the value. */
    public byte[] value() {
        return Arrays.copyOfRange(buffer, offset, offset + length);
    }

    /** Whether the RFC 8285 one-byte form (id 1..14, 1..16 bytes) can carry this element. */
    public boolean fitsOneByteForm() {
        return id <= 14 && length >= 1 && length <= 16;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HeaderExtension e && id == e.id
                && Arrays.equals(buffer, offset, offset + length, e.buffer, e.offset, e.offset + e.length);
    }

    @Override
    public int hashCode() {
        int h = id;
        for (int i = offset; i < offset + length; i++) {
            h = 31 * h + buffer[i];
        }
        return h;
    }

    @Override
    public String toString() {
        return "HeaderExtension[id=" + id + ", length=" + length + "]";
    }
}
