package dev.freshet.fragments.codec;

import java.util.Arrays;
import java.util.Objects;

/**
 * A view of one NAL unit's bytes (header first, emulation prevention still in place) inside a larger
 * array, as the splitters of {@link LengthPrefixed} and {@link AnnexB} find them. Nothing is copied
 * until {@link #toByteArray()}.
 *
 * <pre>
 *   H.264 header (7.3.1):    forbidden_zero_bit(1) nal_ref_idc(2) nal_unit_type(5)
 *   H.265 header (7.3.1.2):  forbidden_zero_bit(1) nal_unit_type(6) nuh_layer_id(6) nuh_temporal_id_plus1(3)
 * </pre>
 *
 * <p>Immutable as long as the underlying array is not changed; safe to share between threads then.
 */
public final class NalUnit {

    private final byte[] buffer;
    private final int offset;
    private final int length;

    /** A view of {@code length} bytes of {@code buffer} from {@code offset}; {@code length} is at least 1. */
    public NalUnit(byte[] buffer, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, Objects.requireNonNull(buffer, "buffer").length);
        if (length < 1) {
            throw new IllegalArgumentException("a NAL unit has at least its header byte");
        }
        this.buffer = buffer;
        this.offset = offset;
        this.length = length;
    }

    /** A view of a whole array. */
    public static NalUnit of(byte[] nal) {
        return new NalUnit(nal, 0, nal.length);
    }

    public int length() {
        return length;
    }

    /** The byte at {@code index} (0 is the first header byte), 0..255. */
    public int byteAt(int index) {
        Objects.checkIndex(index, length);
        return buffer[offset + index] & 0xFF;
    }

    /** nal_unit_type as H.264 reads it. */
    public int h264Type() {
        return byteAt(0) & 0x1F;
    }

    /** nal_unit_type as H.265 reads it. */
    public int h265Type() {
        return (byteAt(0) >> 1) & 0x3F;
    }

    /** The RBSP after the first {@code headerBytes} bytes (1 for H.264, 2 for H.265). */
    public RbspReader rbsp(int headerBytes) {
        if (headerBytes > length) {
            throw CodecException.truncated("NAL unit header");
        }
        return new RbspReader(buffer, offset + headerBytes, length - headerBytes);
    }

    /** A copy of the bytes. */
    public byte[] toByteArray() {
        return Arrays.copyOfRange(buffer, offset, offset + length);
    }

    /** Copies the bytes into {@code target} at {@code position}. */
    public void copyTo(byte[] target, int position) {
        System.arraycopy(buffer, offset, target, position, length);
    }

    /** Equal bytes, wherever they are stored. */
    @Override
    public boolean equals(Object other) {
        return other instanceof NalUnit n
            && Arrays.equals(buffer, offset, offset + length, n.buffer, n.offset, n.offset + n.length);
    }

    @Override
    public int hashCode() {
        int hash = 1;
        for (int i = offset; i < offset + length; i++) {
            hash = 31 * hash + buffer[i];
        }
        return hash;
    }

    @Override
    public String toString() {
        return "NalUnit[" + length + "B header=" + Integer.toHexString(byteAt(0)) + "]";
    }
}
