package dev.freshet.fragments.codec;

import java.util.ArrayList;
import java.util.List;

/**
 * The byte-stream format of H.264 Annex B / H.265 Annex B, as RTP depacketizers, MPEG-TS and raw
 * {@code .h264} files carry NAL units: each NAL unit after a start code {@code 00 00 01}, often
 * written {@code 00 00 00 01}; zero bytes before a start code belong to none of the units.
 *
 * <pre>
 *   [00] 00 00 01 | NAL unit | [00 ..] 00 00 01 | NAL unit | ..
 * </pre>
 *
 * <p>Conversions to and from {@link LengthPrefixed} framing live here too. Output always uses
 * four-byte start codes. Stateless; thread-safe.
 */
public final class AnnexB {

    private static final byte[] START_CODE = {0, 0, 0, 1};

    private AnnexB() {
    }

    /** The NAL units of a byte stream, as views into it; bytes before the first start code are ignored. */
    public static List<NalUnit> split(byte[] stream) {
        List<NalUnit> nals = new ArrayList<>();
        int start = startCodeAt(stream, 0);
        while (start >= 0) {
            int payload = start + 3;
            int nextStart = startCodeAt(stream, payload);
            int end = nextStart >= 0 ? nextStart : stream.length;
            while (end > payload && stream[end - 1] == 0) {
                end--;
            }
            if (end > payload) {
                nals.add(new NalUnit(stream, payload, end - payload));
            }
            start = nextStart;
        }
        return nals;
    }

    /** Whether the bytes begin with a three- or four-byte start code. */
    public static boolean startsWithStartCode(byte[] data) {
        int skip = data.length > 3 && data[0] == 0 && data[1] == 0 && data[2] == 0 ? 1 : 0;
        return data.length >= skip + 3 && data[skip] == 0 && data[skip + 1] == 0 && data[skip + 2] == 1;
    }

    /** The NAL units, each behind a four-byte start code. */
    public static byte[] join(List<NalUnit> nals) {
        int size = 0;
        for (NalUnit nal : nals) {
            size = Math.addExact(size, START_CODE.length + nal.length());
        }
        byte[] out = new byte[size];
        int position = 0;
        for (NalUnit nal : nals) {
            System.arraycopy(START_CODE, 0, out, position, START_CODE.length);
            nal.copyTo(out, position + START_CODE.length);
            position += START_CODE.length + nal.length();
        }
        return out;
    }

    /** Annex B to length-prefixed framing. */
    public static byte[] toLengthPrefixed(byte[] stream, int lengthSize) {
        return LengthPrefixed.join(split(stream), lengthSize);
    }

    /** Length-prefixed framing to Annex B. */
    public static byte[] fromLengthPrefixed(byte[] data, int lengthSize) {
        return join(LengthPrefixed.split(data, lengthSize));
    }

    /** Index of the first {@code 00 00 01} at or after {@code from}, or -1. */
    private static int startCodeAt(byte[] data, int from) {
        for (int i = from; i + 2 < data.length; i++) {
            if ((data[i + 2] & 0xFF) > 1) {
                i += 2;
            } else if (data[i] == 0 && data[i + 1] == 0 && data[i + 2] == 1) {
                return i;
            }
        }
        return -1;
    }
}
