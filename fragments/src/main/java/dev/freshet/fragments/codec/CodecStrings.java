package dev.freshet.fragments.codec;

import dev.freshet.fragments.media.Codec;
import dev.freshet.fragments.media.Track;

/**
 * The codec strings of RFC 6381 section 3.3 that HLS {@code CODECS} and DASH {@code codecs}
 * attributes list, built from a track's configuration.
 *
 * <pre>
 *   H.264  avc1.PPCCLL        profile_idc, constraint flags byte, level_idc in hex (RFC 6381 3.3)
 *   H.265  hvc1.[A-C]P.F.TL.C[.C..]  (ISO/IEC 14496-15 Annex E.3)
 *            profile space as a letter (none for 0) + general_profile_idc in decimal
 *            . compatibility flags bit-reversed (flag 31 most significant), hex, no leading zeros
 *            . 'L' or 'H' (tier) + general_level_idc in decimal
 *            . each constraint indicator byte in hex, trailing zero bytes left out
 *   AAC    mp4a.40.N          N = audioObjectType in decimal (0x40 = MPEG-4 Audio)
 *   Opus   opus               ("Opus in ISOBMFF" encapsulation)
 * </pre>
 *
 * <p>Stateless; thread-safe.
 */
public final class CodecStrings {

    private CodecStrings() {
    }

    /** The codec string of a track, from its CodecPrivate ({@code MISSING} when a codec needs one and it is empty). */
    public static String of(Track track) {
        byte[] config = track.codecPrivate();
        if (config.length == 0 && track.codec() != Codec.OPUS) {
            throw CodecException.missing(track.codec() + " track without CodecPrivate");
        }
        return switch (track.codec()) {
            case H264 -> AnnexB.startsWithStartCode(config) ? avc1(H264ParameterSets.fromAnnexB(config).firstSps())
                : avc1(config);
            case H265 -> hvc1(HevcDecoderConfig.parse(config).general());
            case AAC -> mp4a(AudioSpecificConfig.parse(config));
            case OPUS -> opus();
        };
    }

    /** {@code avc1.PPCCLL} from an avcC's profile, compatibility and level bytes. */
    public static String avc1(byte[] avcC) {
        ByteCursor in = new ByteCursor(avcC, "avcC");
        int version = in.u8();
        if (version != 1) {
            throw CodecException.unsupported("avcC configurationVersion " + version);
        }
        return avc1(in.u8(), in.u8(), in.u8());
    }

    /** {@code avc1.PPCCLL} from an SPS. */
    public static String avc1(H264Sps sps) {
        return avc1(sps.profileIdc(), sps.constraintFlags(), sps.levelIdc());
    }

    /** {@code hvc1.…}: parameter sets in the hvcC only (the MP4 sample entry Freshet writes). */
    public static String hvc1(HevcProfileTierLevel general) {
        return hevc("hvc1", general);
    }

    /** {@code hev1.…}: parameter sets may also be in-band. */
    public static String hev1(HevcProfileTierLevel general) {
        return hevc("hev1", general);
    }

    /** {@code mp4a.40.N}, N the signalled (not the core) object type: 5 for HE-AAC. */
    public static String mp4a(AudioSpecificConfig config) {
        return "mp4a.40." + config.objectType();
    }

    public static String opus() {
        return "opus";
    }

    private static String avc1(int profileIdc, int constraintFlags, int levelIdc) {
        return String.format("avc1.%02x%02x%02x", profileIdc, constraintFlags, levelIdc);
    }

    private static String hevc(String sampleEntry, HevcProfileTierLevel ptl) {
        StringBuilder out = new StringBuilder(sampleEntry).append('.');
        if (ptl.profileSpace() > 0) {
            out.append((char) ('A' + ptl.profileSpace() - 1));
        }
        String compatibility = Integer.toHexString(Integer.reverse(ptl.compatibilityFlags())).toUpperCase();
        out.append(ptl.profileIdc()).append('.').append(compatibility).append('.').append(ptl.highTier() ? 'H' : 'L')
            .append(ptl.levelIdc());
        appendConstraintBytes(out, ptl.constraintFlags());
        return out.toString();
    }

    private static void appendConstraintBytes(StringBuilder out, long flags) {
        int last = 5;
        while (last >= 0 && byteOf(flags, last) == 0) {
            last--;
        }
        for (int i = 0; i <= last; i++) {
            out.append('.').append(Integer.toHexString(byteOf(flags, i)).toUpperCase());
        }
    }

    /** Byte {@code i} (0 = first in the stream) of the 48 constraint bits. */
    private static int byteOf(long flags, int i) {
        return (int) (flags >>> (8 * (5 - i))) & 0xFF;
    }
}
