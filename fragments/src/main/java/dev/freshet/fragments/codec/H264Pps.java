package dev.freshet.fragments.codec;

/**
 * The first fields of an H.264 picture parameter set (H.264 7.3.2.2): which SPS it refers to and
 * which entropy coder its slices use. The rest (slice groups, quantiser offsets, ..) concerns only
 * decoders.
 *
 * <pre>
 *   pic_parameter_set_id ue(v) | seq_parameter_set_id ue(v) | entropy_coding_mode_flag u(1) | ..
 * </pre>
 *
 * <p>Immutable; thread-safe.
 *
 * @param ppsId pic_parameter_set_id, 0..255
 * @param spsId seq_parameter_set_id, 0..31
 * @param cabac entropy_coding_mode_flag: CABAC when set, CAVLC otherwise
 */
public record H264Pps(int ppsId, int spsId, boolean cabac) {

    /** Parses a PPS NAL unit (header byte included). */
    public static H264Pps parse(NalUnit nal) {
        if (nal.h264Type() != H264Nals.PPS) {
            throw CodecException.malformed("NAL unit type " + nal.h264Type() + " is not a PPS");
        }
        RbspReader in = nal.rbsp(1);
        int ppsId = in.readUe();
        int spsId = in.readUe();
        if (ppsId > 255 || spsId > 31) {
            throw CodecException.malformed("parameter set id out of range: pps " + ppsId + ", sps " + spsId);
        }
        return new H264Pps(ppsId, spsId, in.readFlag());
    }
}
