package dev.freshet.fragments.codec;

import java.util.ArrayList;
import java.util.List;

/**
 * The NAL unit framing of MP4 samples and Matroska blocks (ISO/IEC 14496-15 5.3.2 / 8.3.2): every
 * NAL unit preceded by its size as a big-endian integer of {@code lengthSize} bytes, the size the
 * configuration record names ({@code lengthSizeMinusOne + 1}: 1, 2 or 4).
 *
 * <pre>
 *   +----------------+-----------------+----------------+-----------------+--
 *   | length (1/2/4) | NAL unit bytes  | length (1/2/4) | NAL unit bytes  | ..
 *   +----------------+-----------------+----------------+-----------------+--
 * </pre>
 *
 * <p>Zero lengths (padding some muxers leave) are skipped. Stateless; thread-safe.
 */
public final class LengthPrefixed {

    private LengthPrefixed() {
    }

    /** The NAL units of {@code data}, as views into it. */
    public static List<NalUnit> split(byte[] data, int lengthSize) {
        checkLengthSize(lengthSize);
        List<NalUnit> nals = new ArrayList<>();
        int position = 0;
        while (position < data.length) {
            if (data.length - position < lengthSize) {
                throw CodecException.truncated("NAL unit length");
            }
            long size = readSize(data, position, lengthSize);
            position += lengthSize;
            if (size > data.length - position) {
                throw CodecException.truncated("NAL unit of " + size + " bytes");
            }
            if (size > 0) {
                nals.add(new NalUnit(data, position, (int) size));
            }
            position += (int) size;
        }
        return nals;
    }

    /** The bytes {@link #join} writes. */
    public static int encodedSize(List<NalUnit> nals, int lengthSize) {
        checkLengthSize(lengthSize);
        long size = 0;
        for (NalUnit nal : nals) {
            size += lengthSize + nal.length();
        }
        if (size > Integer.MAX_VALUE - 8) {
            throw CodecException.unsupported("frame of " + size + " bytes");
        }
        return (int) size;
    }

    /** The NAL units, each behind its length. */
    public static byte[] join(List<NalUnit> nals, int lengthSize) {
        byte[] out = new byte[encodedSize(nals, lengthSize)];
        int position = 0;
        for (NalUnit nal : nals) {
            writeSize(out, position, lengthSize, nal.length());
            position += lengthSize;
            nal.copyTo(out, position);
            position += nal.length();
        }
        return out;
    }

    /** Refuses sizes other than 1, 2 and 4 ({@code MALFORMED}: they come from configuration records). */
    public static void checkLengthSize(int lengthSize) {
        if (lengthSize != 1 && lengthSize != 2 && lengthSize != 4) {
            throw CodecException.malformed("NAL length size " + lengthSize + " (1, 2 or 4)");
        }
    }

    private static long readSize(byte[] data, int position, int lengthSize) {
        long size = 0;
        for (int i = 0; i < lengthSize; i++) {
            size = (size << 8) | (data[position + i] & 0xFF);
        }
        return size;
    }

    private static void writeSize(byte[] out, int position, int lengthSize, int size) {
        if (lengthSize < 4 && size >= 1 << (8 * lengthSize)) {
            throw CodecException.unsupported("NAL unit of " + size + " bytes exceeds a " + lengthSize + "-byte length");
        }
        for (int i = lengthSize - 1; i >= 0; i--) {
            out[position + i] = (byte) size;
            size >>>= 8;
        }
    }
}
