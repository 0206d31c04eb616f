package dev.freshet.fragments.mkv;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Builds EBML in a growable byte array (RFC 8794): element headers and the typed values of section
 * 7, and Master Elements either of unknown size (live Segment or Cluster, section 6.2) or of a size
 * patched in when they end. A patched size always takes {@value #MASTER_SIZE_WIDTH} octets (section
 * 6.1 allows any width), so a Master is written in one pass:
 *
 * <pre>
 *  startMaster(id):  | ID | 1xxx xxxx xxxx ... (4 octets reserved) | children ...
 *  endMaster(mark):              ^ patched with the children's length
 * </pre>
 *
 * Presize it with the expected output length: payloads are copied in bulk, never byte by byte.
 *
 * <p>Not thread-safe.
 */
public final class EbmlWriter {

    /** Octets reserved for a Master Element's size: up to 2<sup>28</sup>-2 octets of children. */
    public static final int MASTER_SIZE_WIDTH = 4;
    /** Octets of an unknown size, as live producers write it ({@code 01 FF FF FF FF FF FF FF}). */
    public static final int UNKNOWN_SIZE_WIDTH = 8;

    private byte[] buf;
    private int length;

    public EbmlWriter(int initialCapacity) {
        buf = new byte[Math.max(16, initialCapacity)];
    }

    /** Octets written so far. */
    public int length() {
        return length;
    }

    /** Writes an ID and a reserved size; returns the mark to pass to {@link #endMaster(int)}. */
    public int startMaster(int id) {
        ensure(ElementHeader.MAX_ID_WIDTH + MASTER_SIZE_WIDTH);
        length += EbmlVint.writeId(buf, length, id);
        length += MASTER_SIZE_WIDTH;
        return length;
    }

    /** Patches the size of the Master started at {@code mark} to cover everything written since. */
    public void endMaster(int mark) {
        EbmlVint.writeSize(buf, mark - MASTER_SIZE_WIDTH, length - mark, MASTER_SIZE_WIDTH);
    }

    /** Writes a Master Element header of unknown size; its children follow until the stream moves on. */
    public EbmlWriter startUnknownSizeMaster(int id) {
        ensure(ElementHeader.MAX_ID_WIDTH + UNKNOWN_SIZE_WIDTH);
        length += EbmlVint.writeId(buf, length, id);
        length += EbmlVint.writeUnknownSize(buf, length, UNKNOWN_SIZE_WIDTH);
        return this;
    }

    /** Writes an element header with the shortest size encoding. */
    public EbmlWriter writeHeader(int id, long size) {
        ensure(ElementHeader.MAX_ID_WIDTH + EbmlVint.MAX_WIDTH);
        length += EbmlVint.writeId(buf, length, id);
        length += EbmlVint.writeSize(buf, length, size, EbmlVint.sizeWidth(size));
        return this;
    }

    /** An Unsigned Integer Element in the fewest octets (at least one). */
    public EbmlWriter writeUnsigned(int id, long value) {
        int width = Math.max(1, (64 - Long.numberOfLeadingZeros(value) + 7) / 8);
        return writeNumber(id, value, width);
    }

    /** A Signed Integer Element in the fewest octets (at least one). */
    public EbmlWriter writeSigned(int id, long value) {
        int width = 1;
        while (width < 8 && (value < -(1L << (8 * width - 1)) || value >= (1L << (8 * width - 1)))) {
            width++;
        }
        return writeNumber(id, value, width);
    }

    /** An 8-octet Float Element. */
    public EbmlWriter writeFloat(int id, double value) {
        return writeNumber(id, Double.doubleToRawLongBits(value), 8);
    }

    /** A 4-octet Float Element. */
    public EbmlWriter writeFloat32(int id, float value) {
        return writeNumber(id, Float.floatToRawIntBits(value) & 0xFFFFFFFFL, 4);
    }

    /** A String or UTF-8 Element. */
    public EbmlWriter writeString(int id, String value) {
        return writeBinary(id, value.getBytes(StandardCharsets.UTF_8));
    }

    public EbmlWriter writeBinary(int id, byte[] value) {
        writeHeader(id, value.length);
        return writeRaw(value, 0, value.length);
    }

    /** Octets copied as they are (a block's payload after its header). */
    public EbmlWriter writeRaw(byte[] src, int off, int len) {
        ensure(len);
        System.arraycopy(src, off, buf, length, len);
        length += len;
        return this;
    }

    public EbmlWriter writeByte(int value) {
        ensure(1);
        buf[length++] = (byte) value;
        return this;
    }

    /** A big-endian 16-bit integer (a block's relative timecode). */
    public EbmlWriter writeInt16(int value) {
        ensure(2);
        EbmlVint.writeBigEndian(buf, length, value, 2);
        length += 2;
        return this;
    }

    /** A VINT of the fewest octets (a block's track number). */
    public EbmlWriter writeVint(long value) {
        ensure(EbmlVint.MAX_WIDTH);
        length += EbmlVint.writeSize(buf, length, value, EbmlVint.sizeWidth(value));
        return this;
    }

    /**
     * What was written. When the writer was presized exactly this is its own array (no copy), so
     * call it once everything, every {@link #endMaster(int)} included, is written.
     */
    public byte[] toByteArray() {
        return length == buf.length ? buf : Arrays.copyOf(buf, length);
    }

    /** A read-only view of what was written, without copying. */
    public ByteBuffer asByteBuffer() {
        return ByteBuffer.wrap(buf, 0, length).asReadOnlyBuffer();
    }

    public void writeTo(OutputStream out) throws IOException {
        out.write(buf, 0, length);
    }

    private EbmlWriter writeNumber(int id, long value, int width) {
        writeHeader(id, width);
        ensure(width);
        EbmlVint.writeBigEndian(buf, length, value, width);
        length += width;
        return this;
    }

    private void ensure(int more) {
        if (buf.length - length < more) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, length + more));
        }
    }
}
