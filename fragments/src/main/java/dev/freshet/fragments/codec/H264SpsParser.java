package dev.freshet.fragments.codec;

import java.util.Optional;

/**
 * Reads an H.264 seq_parameter_set_rbsp (7.3.2.1.1) into an {@link H264Sps}, checking each value
 * against the range 7.4.2.1.1 gives it so that later arithmetic cannot overflow.
 *
 * <p>Not thread-safe: one instance per parse (the static entry point makes one).
 */
final class H264SpsParser {

    /** Widest picture any level allows (level 6.2: 139264 macroblocks), per side, in macroblocks. */
    private static final int MAX_MBS_PER_SIDE = 1056;
    private static final int EXTENDED_SAR = 255;

    private final RbspReader in;
    private int chromaFormatIdc = 1;
    private boolean separateColourPlane;
    private int bitDepthLuma = 8;
    private int bitDepthChroma = 8;

    private H264SpsParser(RbspReader in) {
        this.in = in;
    }

    static H264Sps parse(NalUnit nal) {
        if (nal.h264Type() != H264Nals.SPS) {
            throw CodecException.malformed("NAL unit type " + nal.h264Type() + " is not an SPS");
        }
        return new H264SpsParser(nal.rbsp(1)).read();
    }

    private H264Sps read() {
        int profileIdc = in.readBits(8);
        int constraintFlags = in.readBits(8);
        int levelIdc = in.readBits(8);
        int spsId = bounded(in.readUe(), 31, "seq_parameter_set_id");
        if (H264Sps.carriesChromaInfo(profileIdc)) {
            readChromaInfo();
        }
        bounded(in.readUe(), 12, "log2_max_frame_num_minus4");
        int picOrderCntType = readPicOrderCount();
        int maxNumRefFrames = bounded(in.readUe(), 16, "max_num_ref_frames");
        in.readFlag();
        // Java evaluates the arguments left to right: the remaining fields are read in syntax order
        return checked(new H264Sps(profileIdc, constraintFlags, levelIdc, spsId, chromaFormatIdc, separateColourPlane,
            bitDepthLuma, bitDepthChroma, picOrderCntType, maxNumRefFrames, in.readUe() + 1, in.readUe() + 1,
            readFrameMbsOnly(), readCropping(), in.readFlag() ? readVuiTiming() : Optional.empty()));
    }

    /** frame_mbs_only_flag, then the flags that follow it up to frame_cropping_flag. */
    private boolean readFrameMbsOnly() {
        boolean frameMbsOnly = in.readFlag();
        if (!frameMbsOnly) {
            in.readFlag();
        }
        in.readFlag();
        return frameMbsOnly;
    }

    private void readChromaInfo() {
        chromaFormatIdc = bounded(in.readUe(), 3, "chroma_format_idc");
        if (chromaFormatIdc == 3) {
            separateColourPlane = in.readFlag();
        }
        bitDepthLuma = bounded(in.readUe(), 6, "bit_depth_luma_minus8") + 8;
        bitDepthChroma = bounded(in.readUe(), 6, "bit_depth_chroma_minus8") + 8;
        in.readFlag();
        if (in.readFlag()) {
            skipScalingMatrix();
        }
    }

    /** seq_scaling_list_present_flag[i] and scaling_list() (7.3.2.1.1.1), read only to be skipped. */
    private void skipScalingMatrix() {
        int lists = chromaFormatIdc != 3 ? 8 : 12;
        for (int i = 0; i < lists; i++) {
            if (in.readFlag()) {
                skipScalingList(i < 6 ? 16 : 64);
            }
        }
    }

    private void skipScalingList(int size) {
        int lastScale = 8;
        int nextScale = 8;
        for (int j = 0; j < size && nextScale != 0; j++) {
            int delta = bounded(in.readSe(), -128, 127, "delta_scale");
            nextScale = (lastScale + delta + 256) % 256;
            lastScale = nextScale == 0 ? lastScale : nextScale;
        }
    }

    /** pic_order_cnt_type and the fields that depend on it, of which only the type is kept. */
    private int readPicOrderCount() {
        int type = bounded(in.readUe(), 2, "pic_order_cnt_type");
        if (type == 0) {
            bounded(in.readUe(), 12, "log2_max_pic_order_cnt_lsb_minus4");
        } else if (type == 1) {
            in.readFlag();
            in.readSe();
            in.readSe();
            int cycle = bounded(in.readUe(), 255, "num_ref_frames_in_pic_order_cnt_cycle");
            for (int i = 0; i < cycle; i++) {
                in.readSe();
            }
        }
        return type;
    }

    private H264Sps.FrameCropping readCropping() {
        if (!in.readFlag()) {
            return H264Sps.FrameCropping.NONE;
        }
        int limit = MAX_MBS_PER_SIDE * 16;
        return new H264Sps.FrameCropping(bounded(in.readUe(), limit, "frame_crop_left_offset"),
            bounded(in.readUe(), limit, "frame_crop_right_offset"),
            bounded(in.readUe(), limit, "frame_crop_top_offset"),
            bounded(in.readUe(), limit, "frame_crop_bottom_offset"));
    }

    /** vui_parameters() (E.1.1) up to and including timing_info. */
    private Optional<H264Sps.VuiTiming> readVuiTiming() {
        if (in.readFlag() && in.readBits(8) == EXTENDED_SAR) {
            in.skipBits(32);
        }
        if (in.readFlag()) {
            in.readFlag();
        }
        if (in.readFlag()) {
            in.skipBits(4);
            if (in.readFlag()) {
                in.skipBits(24);
            }
        }
        if (in.readFlag()) {
            in.readUe();
            in.readUe();
        }
        if (!in.readFlag()) {
            return Optional.empty();
        }
        return Optional.of(new H264Sps.VuiTiming(in.readBitsLong(32), in.readBitsLong(32), in.readFlag()));
    }

    private static H264Sps checked(H264Sps sps) {
        bounded(sps.widthInMbs(), 1, MAX_MBS_PER_SIDE, "pic_width_in_mbs_minus1 + 1");
        bounded(sps.heightInMapUnits(), 1, MAX_MBS_PER_SIDE, "pic_height_in_map_units_minus1 + 1");
        if (sps.width() < 1 || sps.height() < 1) {
            throw CodecException.malformed("frame cropping leaves no picture");
        }
        return sps;
    }

    private static int bounded(int value, int max, String name) {
        return bounded(value, 0, max, name);
    }

    private static int bounded(int value, int min, int max, String name) {
        if (value < min || value > max) {
            throw CodecException.malformed(name + " " + value + " outside " + min + ".." + max);
        }
        return value;
    }
}
