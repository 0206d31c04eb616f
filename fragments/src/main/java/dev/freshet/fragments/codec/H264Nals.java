package dev.freshet.fragments.codec;

import java.util.List;

/**
 * H.264 NAL unit types (H.264 Table 7-1) and what a frame's NAL units say about it.
 *
 * <pre>
 *   nal_unit_type  1 non-IDR slice   5 IDR slice   6 SEI   7 SPS   8 PPS   9 access unit delimiter
 * </pre>
 *
 * <p>A frame (access unit) is a keyframe when it holds an IDR slice: decoding can start there with
 * nothing before it but the parameter sets. Stateless; thread-safe.
 */
public final class H264Nals {

    public static final int NON_IDR_SLICE = 1;
    public static final int IDR_SLICE = 5;
    public static final int SEI = 6;
    public static final int SPS = 7;
    public static final int PPS = 8;
    public static final int ACCESS_UNIT_DELIMITER = 9;

    private H264Nals() {
    }

    /** Whether the NAL unit carries slice data of a picture (types 1..5). */
    public static boolean isSlice(NalUnit nal) {
        int type = nal.h264Type();
        return type >= NON_IDR_SLICE && type <= IDR_SLICE;
    }

    /** Whether any of the NAL units is an IDR slice. */
    public static boolean containsIdr(List<NalUnit> nals) {
        for (NalUnit nal : nals) {
            if (nal.h264Type() == IDR_SLICE) {
                return true;
            }
        }
        return false;
    }

    /** Whether length-prefixed frame data (an MP4 sample, a Matroska block) is an IDR access unit. */
    public static boolean isKeyframe(byte[] frameData, int lengthSize) {
        return containsIdr(LengthPrefixed.split(frameData, lengthSize));
    }

    /** Whether an Annex B access unit (as WebRTC depacketizers build them) is an IDR access unit. */
    public static boolean isKeyframeAnnexB(byte[] accessUnit) {
        return containsIdr(AnnexB.split(accessUnit));
    }
}
