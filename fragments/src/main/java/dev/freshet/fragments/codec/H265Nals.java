package dev.freshet.fragments.codec;

import java.util.List;

/**
 * H.265 NAL unit types (H.265 Table 7-1) and what a frame's NAL units say about it.
 *
 * <pre>
 *   0..9 non-IRAP slices   16..18 BLA   19..20 IDR   21 CRA   22..23 reserved IRAP
 *   32 VPS   33 SPS   34 PPS   35 access unit delimiter   39/40 prefix/suffix SEI
 * </pre>
 *
 * <p>A frame is a keyframe when its slices are IRAP pictures (types 16..23): decoding can start
 * there. After a CRA, RASL pictures that follow in decode order may reference pictures before it
 * and are then skipped by decoders. Stateless; thread-safe.
 */
public final class H265Nals {

    public static final int BLA_W_LP = 16;
    public static final int IDR_W_RADL = 19;
    public static final int IDR_N_LP = 20;
    public static final int CRA = 21;
    public static final int RSV_IRAP_23 = 23;
    public static final int VPS = 32;
    public static final int SPS = 33;
    public static final int PPS = 34;
    public static final int ACCESS_UNIT_DELIMITER = 35;
    public static final int PREFIX_SEI = 39;
    public static final int SUFFIX_SEI = 40;

    private H265Nals() {
    }

    /** Whether the type is an intra random access point picture's (16..23). */
    public static boolean isIrap(int nalType) {
        return nalType >= BLA_W_LP && nalType <= RSV_IRAP_23;
    }

    /** Whether the NAL unit is a slice segment (types 0..31, the VCL types). */
    public static boolean isSlice(NalUnit nal) {
        return nal.h265Type() < VPS;
    }

    /** Whether any of the NAL units is a slice of an IRAP picture. */
    public static boolean containsIrap(List<NalUnit> nals) {
        for (NalUnit nal : nals) {
            if (isIrap(nal.h265Type())) {
                return true;
            }
        }
        return false;
    }

    /** Whether length-prefixed frame data (an MP4 sample, a Matroska block) is an IRAP access unit. */
    public static boolean isKeyframe(byte[] frameData, int lengthSize) {
        return containsIrap(LengthPrefixed.split(frameData, lengthSize));
    }

    /** Whether an Annex B access unit is an IRAP access unit. */
    public static boolean isKeyframeAnnexB(byte[] accessUnit) {
        return containsIrap(AnnexB.split(accessUnit));
    }
}
