package dev.freshet.fragments.codec;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The SPS and PPS NAL units of an H.264 stream, gathered from wherever the producer put them: an
 * avcC (CodecPrivate), or in-band Annex B / NAL units (WebRTC, some cameras) — and an avcC built
 * from them. This is the one model of the avcC: its profile, compatibility and level bytes repeat
 * the first SPS, so they are not kept but taken from the SPS when an avcC is written, and the NAL
 * length size is a framing choice of whoever writes the samples ({@link #nalLengthSize} reads it).
 *
 * <pre>
 *   AVCDecoderConfigurationRecord (ISO/IEC 14496-15 5.3.3.1)
 *   configurationVersion=1 u8 | AVCProfileIndication u8 | profile_compatibility u8 | AVCLevelIndication u8
 *   '111111' lengthSizeMinusOne u2 | '111' numOfSequenceParameterSets u5 | { length u16, SPS NAL unit } ..
 *   numOfPictureParameterSets u8 | { length u16, PPS NAL unit } ..
 *   [high profiles: '111111' chroma_format u2 | '11111' bit_depth_luma_minus8 u3 |
 *    '11111' bit_depth_chroma_minus8 u3 | numOfSequenceParameterSetExt u8 | { length u16, SPS ext } ..]
 * </pre>
 *
 * <p>Immutable (the units are private copies); thread-safe.
 *
 * @param sps SPS NAL units (header byte included), one per seq_parameter_set_id
 * @param pps PPS NAL units (header byte included), one per pic_parameter_set_id
 */
public record H264ParameterSets(List<NalUnit> sps, List<NalUnit> pps) {

    public H264ParameterSets {
        sps = List.copyOf(sps);
        pps = List.copyOf(pps);
    }

    /**
     * The parameter sets among {@code nals} (other types are ignored); a later set with the same id
     * replaces an earlier one, as it would in a decoder.
     */
    public static H264ParameterSets from(List<NalUnit> nals) {
        Map<Integer, NalUnit> sps = new LinkedHashMap<>();
        Map<Integer, NalUnit> pps = new LinkedHashMap<>();
        for (NalUnit nal : nals) {
            if (nal.h264Type() == H264Nals.SPS) {
                sps.put(H264Sps.parse(nal).spsId(), NalUnit.of(nal.toByteArray()));
            } else if (nal.h264Type() == H264Nals.PPS) {
                pps.put(H264Pps.parse(nal).ppsId(), NalUnit.of(nal.toByteArray()));
            }
        }
        return new H264ParameterSets(new ArrayList<>(sps.values()), new ArrayList<>(pps.values()));
    }

    /** The parameter sets of an Annex B byte stream. */
    public static H264ParameterSets fromAnnexB(byte[] stream) {
        return from(AnnexB.split(stream));
    }

    /** The parameter sets an avcC lists. */
    public static H264ParameterSets fromAvcC(byte[] avcC) {
        ByteCursor in = avcCHeader(avcC);
        lengthSize(in);
        List<NalUnit> sps = in.nalUnits(in.u8() & 0x1F);
        List<NalUnit> pps = in.nalUnits(in.u8());
        return new H264ParameterSets(sps, pps);
    }

    /** The parameter sets of a track's CodecPrivate: an avcC, or Annex B as some producers and WebRTC give them. */
    public static H264ParameterSets fromCodecPrivate(byte[] codecPrivate) {
        return AnnexB.startsWithStartCode(codecPrivate) ? fromAnnexB(codecPrivate) : fromAvcC(codecPrivate);
    }

    /** lengthSizeMinusOne + 1 of an avcC: the size of the NAL unit lengths in its frames. */
    public static int nalLengthSize(byte[] avcC) {
        return lengthSize(avcCHeader(avcC));
    }

    public boolean isEmpty() {
        return sps.isEmpty() && pps.isEmpty();
    }

    /** The first SPS, parsed; {@code MISSING} when there is none. */
    public H264Sps firstSps() {
        if (sps.isEmpty()) {
            throw CodecException.missing("no SPS");
        }
        return H264Sps.parse(sps.get(0));
    }

    /** SPS units then PPS units, as a decoder wants them before the first slice. */
    public List<NalUnit> all() {
        List<NalUnit> all = new ArrayList<>(sps);
        all.addAll(pps);
        return all;
    }

    /**
     * An avcC naming these parameter sets, its profile, compatibility and level bytes copied from the
     * first SPS. The high-profile extension (no SPS extensions in it) follows for every profile whose
     * SPS carries a chroma format, as FFmpeg writes it; 14496-15 names 100, 110, 122 and 144, and
     * readers skip trailing bytes they do not expect.
     */
    public byte[] toAvcC(int lengthSize) {
        LengthPrefixed.checkLengthSize(lengthSize);
        H264Sps first = firstSps();
        if (sps.size() > 31 || pps.size() > 255) {
            throw CodecException.unsupported("too many parameter sets for an avcC");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(1);
        out.write(first.profileIdc());
        out.write(first.constraintFlags());
        out.write(first.levelIdc());
        out.write(0xFC | (lengthSize - 1));
        out.write(0xE0 | sps.size());
        writeUnits(out, sps);
        out.write(pps.size());
        writeUnits(out, pps);
        if (H264Sps.carriesChromaInfo(first.profileIdc())) {
            writeHighProfileExtension(out, first);
        }
        return out.toByteArray();
    }

    private static ByteCursor avcCHeader(byte[] avcC) {
        ByteCursor in = new ByteCursor(avcC, "avcC");
        int version = in.u8();
        if (version != 1) {
            throw CodecException.unsupported("avcC configurationVersion " + version);
        }
        in.bytes(3);
        return in;
    }

    private static int lengthSize(ByteCursor in) {
        int lengthSize = (in.u8() & 0x03) + 1;
        LengthPrefixed.checkLengthSize(lengthSize);
        return lengthSize;
    }

    private static void writeUnits(ByteArrayOutputStream out, List<NalUnit> units) {
        for (NalUnit unit : units) {
            if (unit.length() > 0xFFFF) {
                throw CodecException.unsupported("parameter set of " + unit.length() + " bytes");
            }
            out.write(unit.length() >> 8);
            out.write(unit.length());
            out.writeBytes(unit.toByteArray());
        }
    }

    private static void writeHighProfileExtension(ByteArrayOutputStream out, H264Sps sps) {
        out.write(0xFC | sps.chromaFormatIdc());
        out.write(0xF8 | (sps.bitDepthLuma() - 8));
        out.write(0xF8 | (sps.bitDepthChroma() - 8));
        out.write(0);
    }
}
