package dev.freshet.fragments.mkv;

/**
 * Variable-size integers (RFC 8794 section 4), the encoding of every EBML Element ID and Data Size.
 *
 * <pre>
 *  first octet      width  VINT_DATA bits
 *  1xxx xxxx          1         7
 *  01xx xxxx  +1      2        14
 *  001x xxxx  +2      3        21
 *  ...
 *  0000 0001  +7      8        56
 *  0000 0000          invalid (wider than 8 octets)
 * </pre>
 *
 * <ul>
 *   <li>A <b>Data Size</b> is the VINT_DATA; all VINT_DATA bits set means "unknown size" (section
 *   6.2), at any width. Any width may encode a value (section 6.1), so writers may reserve one.</li>
 *   <li>An <b>Element ID</b> is the whole VINT, marker included (EBML header = {@code 0x1A45DFA3}).
 *   VINT_DATA all zeros or all ones is invalid, and so is an ID that has a shorter encoding
 *   (section 5: {@code 0x4001} is invalid, {@code 0x407F} is valid because {@code 0xFF} is
 *   reserved).</li>
 *   <li>A <b>signed</b> VINT (EBML lacing, RFC 9559 section 10.4.4) subtracts
 *   2<sup>7w-1</sup>-1 from the VINT_DATA.</li>
 * </ul>
 *
 * <p>Stateless; thread-safe.
 */
public final class EbmlVint {

    /** A Data Size with every VINT_DATA bit set. */
    public static final long UNKNOWN_SIZE = -1;
    public static final int MAX_WIDTH = 8;
    /** The largest known Data Size (2<sup>56</sup>-2). */
    public static final long MAX_SIZE = dataMask(MAX_WIDTH) - 1;

    private EbmlVint() {
    }

    /** The width announced by a VINT's first octet, 1..8, or 0 when the octet is 0 (invalid). */
    public static int width(int firstOctet) {
        int octet = firstOctet & 0xFF;
        return octet == 0 ? 0 : Integer.numberOfLeadingZeros(octet) - 23;
    }

    /** All VINT_DATA bits of a {@code width}-octet VINT set. */
    public static long dataMask(int width) {
        return (1L << (7 * width)) - 1;
    }

    /** The {@code width} octets at {@code off} as one big-endian number, marker included. */
    public static long raw(byte[] src, int off, int width) {
        long value = 0;
        for (int i = 0; i < width; i++) {
            value = (value << 8) | (src[off + i] & 0xFF);
        }
        return value;
    }

    /** A Data Size of {@code width} octets: its VINT_DATA, or {@link #UNKNOWN_SIZE}. */
    public static long decodeSize(byte[] src, int off, int width) {
        long data = raw(src, off, width) & dataMask(width);
        return data == dataMask(width) ? UNKNOWN_SIZE : data;
    }

    /** A signed VINT (EBML lacing differences) of {@code width} octets. */
    public static long decodeSigned(byte[] src, int off, int width) {
        long data = raw(src, off, width) & dataMask(width);
        return data - ((1L << (7 * width - 1)) - 1);
    }

    /** Whether {@code id}, read as {@code width} octets, is a valid Element ID (section 5). */
    public static boolean isValidId(long id, int width) {
        long data = id & dataMask(width);
        if (data == 0 || data == dataMask(width)) {
            return false;
        }
        return width == 1 || data >= dataMask(width - 1);
    }

    /** How many octets an Element ID occupies (its marker bit's position). */
    public static int idWidth(long id) {
        int significantBits = 64 - Long.numberOfLeadingZeros(id);
        return Math.max(1, (significantBits + 7) / 8);
    }

    /** The fewest octets that encode {@code size} as a known Data Size. */
    public static int sizeWidth(long size) {
        if (size < 0 || size > MAX_SIZE) {
            throw new IllegalArgumentException("not an EBML data size: " + size);
        }
        int width = 1;
        while (size >= dataMask(width)) {
            width++;
        }
        return width;
    }

    /** Writes {@code id} (marker included) at {@code off}; returns the octets written. */
    public static int writeId(byte[] dst, int off, long id) {
        int width = idWidth(id);
        writeBigEndian(dst, off, id, width);
        return width;
    }

    /** Writes a known {@code size} in exactly {@code width} octets; returns {@code width}. */
    public static int writeSize(byte[] dst, int off, long size, int width) {
        if (width < 1 || width > MAX_WIDTH || size < 0 || size >= dataMask(width)) {
            throw new IllegalArgumentException("size " + size + " does not fit " + width + " octets");
        }
        writeBigEndian(dst, off, size | (1L << (7 * width)), width);
        return width;
    }

    /** Writes "unknown size" in {@code width} octets; returns {@code width}. */
    public static int writeUnknownSize(byte[] dst, int off, int width) {
        writeBigEndian(dst, off, dataMask(width) | (1L << (7 * width)), width);
        return width;
    }

    static void writeBigEndian(byte[] dst, int off, long value, int width) {
        for (int i = width - 1; i >= 0; i--) {
            dst[off + i] = (byte) value;
            value >>>= 8;
        }
    }
}
