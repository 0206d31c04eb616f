package dev.freshet.fragments.codec;

import java.util.ArrayList;
import java.util.List;

/**
 * An HEVCDecoderConfigurationRecord (hvcC, ISO/IEC 14496-15 8.3.3.1): the CodecPrivate of H.265
 * tracks in Matroska and the body of the {@code hvcC} box in MP4.
 *
 * <pre>
 *   configurationVersion=1 u8
 *   general_profile_space u2 | general_tier_flag u1 | general_profile_idc u5
 *   general_profile_compatibility_flags u32 | general_constraint_indicator_flags u48 | general_level_idc u8
 *   '1111' min_spatial_segmentation_idc u12 | '111111' parallelismType u2 | '111111' chromaFormat u2
 *   '11111' bitDepthLumaMinus8 u3 | '11111' bitDepthChromaMinus8 u3 | avgFrameRate u16
 *   constantFrameRate u2 | numTemporalLayers u3 | temporalIdNested u1 | lengthSizeMinusOne u2
 *   numOfArrays u8
 *   { array_completeness u1 | reserved u1 | NAL_unit_type u6 | numNalus u16 | { nalUnitLength u16, NAL unit } .. } ..
 * </pre>
 *
 * <p>Reserved bits are not checked (writers disagree on them). Immutable; thread-safe.
 *
 * @param general          general profile, tier and level
 * @param chromaFormatIdc  0 monochrome, 1 4:2:0, 2 4:2:2, 3 4:4:4
 * @param bitDepthLuma     bits per luma sample
 * @param bitDepthChroma   bits per chroma sample
 * @param avgFrameRate     frames per 256 seconds, 0 when unspecified
 * @param numTemporalLayers numTemporalLayers (0: unknown)
 * @param nalLengthSize    lengthSizeMinusOne + 1: the size of NAL unit lengths in frames (1, 2 or 4)
 * @param arrays           the parameter set and SEI arrays, in record order
 */
public record HevcDecoderConfig(HevcProfileTierLevel general, int chromaFormatIdc, int bitDepthLuma,
                                int bitDepthChroma, int avgFrameRate, int numTemporalLayers, int nalLengthSize,
                                List<NalArray> arrays) {

    /**
     * One array of the record: NAL units of one type.
     *
     * @param complete all units of this type are here (none in-band), array_completeness
     * @param nalType  NAL_unit_type (32 VPS, 33 SPS, 34 PPS, 39/40 SEI)
     * @param units    the NAL units, headers included
     */
    public record NalArray(boolean complete, int nalType, List<NalUnit> units) {
        public NalArray {
            units = List.copyOf(units);
        }
    }

    public HevcDecoderConfig {
        arrays = List.copyOf(arrays);
    }

    /** Parses an hvcC body (without the box header). */
    public static HevcDecoderConfig parse(byte[] hvcC) {
        ByteCursor in = new ByteCursor(hvcC, "hvcC");
        int version = in.u8();
        if (version != 1) {
            throw CodecException.unsupported("hvcC configurationVersion " + version);
        }
        HevcProfileTierLevel general = readGeneral(in);
        in.u16();
        in.u8();
        int chromaFormatIdc = in.u8() & 0x03;
        int bitDepthLuma = (in.u8() & 0x07) + 8;
        int bitDepthChroma = (in.u8() & 0x07) + 8;
        int avgFrameRate = in.u16();
        int layering = in.u8();
        return new HevcDecoderConfig(general, chromaFormatIdc, bitDepthLuma, bitDepthChroma, avgFrameRate,
            (layering >> 3) & 0x07, lengthSize(layering), readArrays(in));
    }

    /** The NAL units of one type, from every array holding that type. */
    public List<NalUnit> units(int nalType) {
        List<NalUnit> units = new ArrayList<>();
        for (NalArray array : arrays) {
            if (array.nalType() == nalType) {
                units.addAll(array.units());
            }
        }
        return units;
    }

    /** VPS, SPS then PPS units, as a decoder wants them before the first slice; SEI arrays are left out. */
    public List<NalUnit> parameterSets() {
        List<NalUnit> sets = new ArrayList<>(units(H265Nals.VPS));
        sets.addAll(units(H265Nals.SPS));
        sets.addAll(units(H265Nals.PPS));
        return sets;
    }

    /** The first SPS, parsed; {@code MISSING} when the record has none. */
    public H265Sps firstSps() {
        List<NalUnit> sps = units(H265Nals.SPS);
        if (sps.isEmpty()) {
            throw CodecException.missing("hvcC holds no SPS");
        }
        return H265Sps.parse(sps.get(0));
    }

    private static HevcProfileTierLevel readGeneral(ByteCursor in) {
        int first = in.u8();
        return new HevcProfileTierLevel(first >> 6, (first & 0x20) != 0, first & 0x1F, (int) in.u32(),
            in.unsigned(6), in.u8());
    }

    private static int lengthSize(int layering) {
        int lengthSize = (layering & 0x03) + 1;
        LengthPrefixed.checkLengthSize(lengthSize);
        return lengthSize;
    }

    private static List<NalArray> readArrays(ByteCursor in) {
        int count = in.u8();
        List<NalArray> arrays = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int header = in.u8();
            int units = in.u16();
            arrays.add(new NalArray((header & 0x80) != 0, header & 0x3F, in.nalUnits(units)));
        }
        return arrays;
    }
}
