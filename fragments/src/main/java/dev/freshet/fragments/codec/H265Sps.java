package dev.freshet.fragments.codec;

/**
 * The start of an H.265 sequence parameter set (H.265 7.3.2.2), up to the bit depths: the profile,
 * tier and level, the picture format and the size of the picture inside its conformance window.
 *
 * <pre>
 *   NAL unit header (2 bytes)
 *   sps_video_parameter_set_id u(4) | sps_max_sub_layers_minus1 u(3) | sps_temporal_id_nesting_flag u(1)
 *   profile_tier_level(1, sps_max_sub_layers_minus1)            (7.3.3)
 *   sps_seq_parameter_set_id ue(v)
 *   chroma_format_idc ue(v) [== 3: separate_colour_plane_flag u(1)]
 *   pic_width_in_luma_samples ue(v) | pic_height_in_luma_samples ue(v)
 *   conformance_window_flag u(1) [conf_win_left/right/top/bottom_offset ue(v)]
 *   bit_depth_luma_minus8 ue(v) | bit_depth_chroma_minus8 ue(v) | ..
 * </pre>
 *
 * <p>Immutable; thread-safe.
 *
 * @param general             general profile, tier and level
 * @param spsId               sps_seq_parameter_set_id, 0..15
 * @param chromaFormatIdc     0 monochrome, 1 4:2:0, 2 4:2:2, 3 4:4:4
 * @param separateColourPlane separate_colour_plane_flag
 * @param codedWidth          pic_width_in_luma_samples
 * @param codedHeight         pic_height_in_luma_samples
 * @param window              conformance window offsets in chroma units (SubWidthC/SubHeightC), zero when absent
 * @param bitDepthLuma        bits per luma sample
 * @param bitDepthChroma      bits per chroma sample
 */
public record H265Sps(HevcProfileTierLevel general, int spsId, int chromaFormatIdc, boolean separateColourPlane,
                      int codedWidth, int codedHeight, ConformanceWindow window, int bitDepthLuma,
                      int bitDepthChroma) {

    /** Largest picture side any level allows: sqrt(8 × MaxLumaPs of level 6.2), rounded up. */
    private static final int MAX_SIDE = 16888;

    /** conf_win_{left,right,top,bottom}_offset. */
    public record ConformanceWindow(int left, int right, int top, int bottom) {
        public static final ConformanceWindow NONE = new ConformanceWindow(0, 0, 0, 0);
    }

    /** Parses an SPS NAL unit (two-byte header included). */
    public static H265Sps parse(NalUnit nal) {
        if (nal.h265Type() != H265Nals.SPS) {
            throw CodecException.malformed("NAL unit type " + nal.h265Type() + " is not an SPS");
        }
        RbspReader in = nal.rbsp(2);
        in.skipBits(4);
        int maxSubLayersMinus1 = bounded(in.readBits(3), 6, "sps_max_sub_layers_minus1");
        in.readFlag();
        HevcProfileTierLevel general = HevcProfileTierLevel.read(in, maxSubLayersMinus1);
        int spsId = bounded(in.readUe(), 15, "sps_seq_parameter_set_id");
        int chromaFormatIdc = bounded(in.readUe(), 3, "chroma_format_idc");
        boolean separate = chromaFormatIdc == 3 && in.readFlag();
        int width = bounded(in.readUe(), MAX_SIDE, "pic_width_in_luma_samples");
        int height = bounded(in.readUe(), MAX_SIDE, "pic_height_in_luma_samples");
        ConformanceWindow window = in.readFlag() ? readWindow(in) : ConformanceWindow.NONE;
        int bitDepthLuma = bounded(in.readUe(), 8, "bit_depth_luma_minus8") + 8;
        int bitDepthChroma = bounded(in.readUe(), 8, "bit_depth_chroma_minus8") + 8;
        return checked(new H265Sps(general, spsId, chromaFormatIdc, separate, width, height, window, bitDepthLuma,
            bitDepthChroma));
    }

    /** Parses an SPS NAL unit held in a whole array. */
    public static H265Sps parse(byte[] nal) {
        if (nal.length == 0) {
            throw CodecException.truncated("SPS");
        }
        return parse(NalUnit.of(nal));
    }

    /** ChromaArrayType: chroma_format_idc, or 0 when colour planes are coded separately. */
    public int chromaArrayType() {
        return separateColourPlane ? 0 : chromaFormatIdc;
    }

    /** Width of the conformance window: what is displayed. */
    public int width() {
        int subWidthC = chromaArrayType() == 1 || chromaArrayType() == 2 ? 2 : 1;
        return codedWidth - subWidthC * (window.left() + window.right());
    }

    /** Height of the conformance window. */
    public int height() {
        int subHeightC = chromaArrayType() == 1 ? 2 : 1;
        return codedHeight - subHeightC * (window.top() + window.bottom());
    }

    private static ConformanceWindow readWindow(RbspReader in) {
        return new ConformanceWindow(bounded(in.readUe(), MAX_SIDE, "conf_win_left_offset"),
            bounded(in.readUe(), MAX_SIDE, "conf_win_right_offset"),
            bounded(in.readUe(), MAX_SIDE, "conf_win_top_offset"),
            bounded(in.readUe(), MAX_SIDE, "conf_win_bottom_offset"));
    }

    private static H265Sps checked(H265Sps sps) {
        if (sps.width() < 1 || sps.height() < 1) {
            throw CodecException.malformed("conformance window leaves no picture");
        }
        return sps;
    }

    private static int bounded(int value, int max, String name) {
        if (value < 0 || value > max) {
            throw CodecException.malformed(name + " " + value + " outside 0.." + max);
        }
        return value;
    }
}
