package dev.freshet.fragments.mkv;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A cursor over the Data of one complete EBML Master Element held in memory: reads child headers and
 * the typed values of RFC 8794 section 7 (unsigned and signed integers of 0..8 octets, floats of
 * 0, 4 or 8 octets, strings, binary). Every read is checked against the end of the data; malformed
 * input raises {@link MkvException} with {@link MkvError#INVALID_MKV_DATA}.
 *
 * <p>Not thread-safe.
 */
public final class EbmlReader {

    private final byte[] buf;
    private final int end;
    private int pos;

    public EbmlReader(byte[] buf, int off, int len) {
        this.buf = buf;
        this.pos = off;
        this.end = off + len;
    }

    public boolean hasMore() {
        return pos < end;
    }

    public int remaining() {
        return end - pos;
    }

    /** Reads a child's header; its known Data Size must fit in what remains. */
    public ElementHeader readHeader() {
        ElementHeader header = ElementHeader.decode(buf, pos, end - pos);
        if (header == null) {
            throw MkvException.invalid("element header cut short");
        }
        pos += header.headerLength();
        if (header.unknownSize()) {
            throw MkvException.invalid(String.format("element 0x%X of unknown size inside a sized element",
                header.id()));
        }
        if (header.size() > end - pos) {
            throw MkvException.invalid(String.format("element 0x%X of %d octets overruns its parent (%d left)",
                header.id(), header.size(), end - pos));
        }
        return header;
    }

    /** An unsigned integer of {@code size} octets (0 octets is 0). */
    public long readUnsigned(long size) {
        int n = checkedInt(size, 8, "unsigned integer");
        long value = EbmlVint.raw(buf, pos, n);
        pos += n;
        return value;
    }

    /** A two's-complement signed integer of {@code size} octets (0 octets is 0). */
    public long readSigned(long size) {
        int n = checkedInt(size, 8, "signed integer");
        long value = n == 0 ? 0 : (EbmlVint.raw(buf, pos, n) << (64 - 8 * n)) >> (64 - 8 * n);
        pos += n;
        return value;
    }

    /** An IEEE 754 float of 0, 4 or 8 octets (0 octets is 0.0). */
    public double readFloat(long size) {
        if (size != 0 && size != 4 && size != 8) {
            throw MkvException.invalid("float of " + size + " octets");
        }
        long bits = readUnsigned(size);
        return size == 4 ? Float.intBitsToFloat((int) bits) : size == 8 ? Double.longBitsToDouble(bits) : 0.0;
    }

    /** A String or UTF-8 element; trailing NUL padding (section 7.4) is dropped. */
    public String readString(long size) {
        int n = checkedInt(size, end - pos, "string");
        int len = n;
        while (len > 0 && buf[pos + len - 1] == 0) {
            len--;
        }
        String value = new String(buf, pos, len, StandardCharsets.UTF_8);
        pos += n;
        return value;
    }

    public byte[] readBinary(long size) {
        int n = checkedInt(size, end - pos, "binary");
        byte[] value = Arrays.copyOfRange(buf, pos, pos + n);
        pos += n;
        return value;
    }

    public void skip(long size) {
        pos += checkedInt(size, end - pos, "skipped element");
    }

    public int readUnsignedByte() {
        return (int) readUnsigned(1);
    }

    /** A big-endian two's-complement 16-bit integer (a block's relative timecode). */
    public short readInt16() {
        return (short) readUnsigned(2);
    }

    /** An unsigned VINT's VINT_DATA (block track number, EBML lace size); all ones is refused. */
    public long readVint() {
        int width = vintWidth();
        long value = EbmlVint.decodeSize(buf, pos, width);
        if (value == EbmlVint.UNKNOWN_SIZE) {
            throw MkvException.invalid("reserved all-ones VINT");
        }
        pos += width;
        return value;
    }

    /** A signed VINT (EBML lace size difference). */
    public long readSignedVint() {
        int width = vintWidth();
        long value = EbmlVint.decodeSigned(buf, pos, width);
        pos += width;
        return value;
    }

    private int vintWidth() {
        int width = pos < end ? EbmlVint.width(buf[pos]) : 0;
        if (width == 0 || width > end - pos) {
            throw MkvException.invalid("VINT cut short or wider than 8 octets");
        }
        return width;
    }

    /** A reader over the next {@code size} octets, which this reader then skips. */
    public EbmlReader child(long size) {
        int n = checkedInt(size, end - pos, "child element");
        EbmlReader child = new EbmlReader(buf, pos, n);
        pos += n;
        return child;
    }

    private int checkedInt(long size, int max, String what) {
        if (size < 0 || size > max || size > end - pos) {
            throw MkvException.invalid(what + " of " + size + " octets (at most " + Math.min(max, end - pos)
                + " possible)");
        }
        return (int) size;
    }
}
