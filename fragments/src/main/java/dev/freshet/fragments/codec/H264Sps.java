package dev.freshet.fragments.codec;

import java.util.Optional;

/**
 * What Freshet needs of an H.264 sequence parameter set (H.264 7.3.2.1.1): the profile, constraint
 * flags and level that codec strings and configuration records repeat, the picture format, and the
 * size of the picture once frame cropping is applied.
 *
 * <pre>
 *   profile_idc u(8) | constraint_set0..5_flag, reserved_zero_2bits u(8) | level_idc u(8)
 *   seq_parameter_set_id ue(v)
 *   [high profiles: chroma_format_idc ue(v) [separate_colour_plane_flag u(1)]
 *    bit_depth_luma_minus8 ue(v) bit_depth_chroma_minus8 ue(v) qpprime_y_zero_transform_bypass_flag u(1)
 *    seq_scaling_matrix_present_flag u(1) [scaling lists]]
 *   log2_max_frame_num_minus4 ue(v)  pic_order_cnt_type ue(v) [..]  max_num_ref_frames ue(v)
 *   gaps_in_frame_num_value_allowed_flag u(1)
 *   pic_width_in_mbs_minus1 ue(v)  pic_height_in_map_units_minus1 ue(v)
 *   frame_mbs_only_flag u(1) [mb_adaptive_frame_field_flag u(1)]  direct_8x8_inference_flag u(1)
 *   frame_cropping_flag u(1) [left right top bottom ue(v)]
 *   vui_parameters_present_flag u(1) [vui_parameters(), E.1.1, read up to timing_info]
 * </pre>
 *
 * <p>Immutable; thread-safe.
 *
 * @param profileIdc         profile_idc (66 baseline, 77 main, 100 high, ..)
 * @param constraintFlags    the byte holding constraint_set0_flag (bit 7) .. constraint_set5_flag (bit 2)
 * @param levelIdc           level_idc (level × 10; 11 with constraint_set3 in baseline/main means 1b)
 * @param spsId              seq_parameter_set_id
 * @param chromaFormatIdc    0 monochrome, 1 4:2:0, 2 4:2:2, 3 4:4:4
 * @param separateColourPlane separate_colour_plane_flag (4:4:4 coded as three monochrome planes)
 * @param bitDepthLuma       bits per luma sample
 * @param bitDepthChroma     bits per chroma sample
 * @param picOrderCntType    pic_order_cnt_type, 0..2
 * @param maxNumRefFrames    max_num_ref_frames
 * @param widthInMbs         pic_width_in_mbs_minus1 + 1
 * @param heightInMapUnits   pic_height_in_map_units_minus1 + 1
 * @param frameMbsOnly       frame_mbs_only_flag (false: the stream may code fields)
 * @param cropping           frame cropping offsets, zero when absent
 * @param timing             VUI timing information, when present
 */
public record H264Sps(int profileIdc, int constraintFlags, int levelIdc, int spsId, int chromaFormatIdc,
                      boolean separateColourPlane, int bitDepthLuma, int bitDepthChroma, int picOrderCntType,
                      int maxNumRefFrames,
                      int widthInMbs, int heightInMapUnits, boolean frameMbsOnly, FrameCropping cropping,
                      Optional<VuiTiming> timing) {

    /**
     * frame_crop_{left,right,top,bottom}_offset, in the units of H.264 7.4.2.1.1 (CropUnitX/Y),
     * not in samples.
     */
    public record FrameCropping(int left, int right, int top, int bottom) {
        public static final FrameCropping NONE = new FrameCropping(0, 0, 0, 0);
    }

    /**
     * VUI timing_info (E.1.1): one clock tick is {@code numUnitsInTick / timeScale} seconds; a frame
     * lasts two ticks for progressive video.
     */
    public record VuiTiming(long numUnitsInTick, long timeScale, boolean fixedFrameRate) {
        /** Frames per second as E.2.1 derives it for frame-coded video, or 0 when undefined. */
        public double frameRate() {
            return numUnitsInTick == 0 ? 0 : timeScale / (2.0 * numUnitsInTick);
        }
    }

    /**
     * Whether an SPS of this profile_idc carries chroma_format_idc, bit depths and scaling matrices
     * (7.3.2.1.1): the high profiles and their relatives.
     */
    public static boolean carriesChromaInfo(int profileIdc) {
        return switch (profileIdc) {
            case 100, 110, 122, 244, 44, 83, 86, 118, 128, 138, 139, 134, 135 -> true;
            default -> false;
        };
    }

    /** Parses an SPS NAL unit (header byte included). */
    public static H264Sps parse(NalUnit nal) {
        return H264SpsParser.parse(nal);
    }

    /** Parses an SPS NAL unit held in a whole array (header byte included). */
    public static H264Sps parse(byte[] nal) {
        if (nal.length == 0) {
            throw CodecException.truncated("SPS");
        }
        return parse(NalUnit.of(nal));
    }

    /** Luma samples per decoded row, before cropping. */
    public int codedWidth() {
        return widthInMbs * 16;
    }

    /** Luma rows of a decoded frame, before cropping. */
    public int codedHeight() {
        return heightInMapUnits * 16 * (frameMbsOnly ? 1 : 2);
    }

    /** Displayed width: the coded width less the cropped columns. */
    public int width() {
        return codedWidth() - cropUnitX() * (cropping.left() + cropping.right());
    }

    /** Displayed height: the coded height less the cropped rows. */
    public int height() {
        return codedHeight() - cropUnitY() * (cropping.top() + cropping.bottom());
    }

    /** ChromaArrayType (7.4.2.1.1): chroma_format_idc, or 0 when colour planes are coded separately. */
    public int chromaArrayType() {
        return separateColourPlane ? 0 : chromaFormatIdc;
    }

    private int cropUnitX() {
        return chromaArrayType() == 0 || chromaArrayType() == 3 ? 1 : 2;
    }

    private int cropUnitY() {
        int subHeightC = chromaArrayType() == 1 ? 2 : 1;
        return subHeightC * (frameMbsOnly ? 1 : 2);
    }
}
