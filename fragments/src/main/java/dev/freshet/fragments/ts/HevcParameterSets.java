package dev.freshet.fragments.ts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The two facts MPEG-TS output needs from an {@code HEVCDecoderConfigurationRecord} (hvcC,
 * ISO/IEC 14496-15 8.3.3.1): the NAL length size and the VPS/SPS/PPS NAL units, in record order.
 *
 * <pre>
 *  22 bytes of profile, tier, level and format fields; byte 21: ... | 2b lengthSizeMinusOne
 *  u8 numOfArrays
 *  { u8 array_completeness(1) reserved(1) NAL_unit_type(6) | u16 numNalus | { u16 length, NAL } * }
 * </pre>
 *
 * Immutable; thread-safe.
 */
record HevcParameterSets(int nalLengthSize, List<byte[]> parameterSets) {

    private static final int HEADER = 22;
    private static final int VPS = 32;
    private static final int PPS = 34;

    /** Reads the record; an empty one means 4-byte lengths and in-band parameter sets. */
    static HevcParameterSets parse(byte[] hvcC) {
        if (hvcC.length == 0) {
            return new HevcParameterSets(4, List.of());
        }
        if (hvcC.length < HEADER + 1) {
            throw new IllegalArgumentException("hvcC truncated: " + hvcC.length + " bytes");
        }
        List<byte[]> sets = new ArrayList<>();
        int at = HEADER + 1;
        for (int array = 0; array < (hvcC[HEADER] & 0xFF); array++) {
            int type = hvcC[at] & 0x3F;
            int count = u16(hvcC, at + 1);
            at += 3;
            for (int i = 0; i < count; i++) {
                int length = u16(hvcC, at);
                byte[] nal = Arrays.copyOfRange(hvcC, at + 2, at + 2 + length);
                if (type >= VPS && type <= PPS) {
                    sets.add(nal);
                }
                at += 2 + length;
            }
        }
        return new HevcParameterSets((hvcC[21] & 0x3) + 1, sets);
    }

    private static int u16(byte[] bytes, int at) {
        if (at + 2 > bytes.length) {
            throw new IllegalArgumentException("hvcC truncated at " + at);
        }
        return ((bytes[at] & 0xFF) << 8) | (bytes[at + 1] & 0xFF);
    }
}
