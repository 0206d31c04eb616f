package dev.freshet.webrtc.sdp;

import java.util.HexFormat;
import java.util.Optional;

/**
 * The H.264 {@code profile-level-id} format parameter (RFC 6184 section 8.1): three bytes in hex,
 * {@code profile_idc}, {@code profile-iop} (the constraint_set flags) and {@code level_idc}.
 * <pre>
 *   42 e0 1f   profile_idc 66, constraint_set0..2 = 1, level 3.1  -> constrained baseline
 *   |  |  +--- level_idc: 10 x level (31 = 3.1)
 *   |  +------ profile-iop: constraint_set0_flag .. constraint_set5_flag, then two reserved zero bits
 *   +--------- profile_idc: 66 baseline, 77 main, 88 extended, 100 high, 244 high 4:4:4
 * </pre>
 * The profile is recognised as libwebrtc does (h264_profile_level_id.cc): constraint_set1 turns baseline into
 * constrained baseline, and so on. Immutable.
 *
 * @param profile    the recognised profile
 * @param profileIdc the first byte
 * @param profileIop the second byte
 * @param levelIdc   the third byte
 */
public record H264ProfileLevelId(Profile profile, int profileIdc, int profileIop, int levelIdc) {

    /** The profiles WebRTC peers offer. */
    public enum Profile { CONSTRAINED_BASELINE, BASELINE, MAIN, CONSTRAINED_HIGH, HIGH, PREDICTIVE_HIGH_444 }

    /** profile_idc, profile-iop bit pattern (x = any, most significant bit first), profile; first match wins. */
    private record Pattern(int profileIdc, String iop, Profile profile) {
        boolean matches(int idc, int iopByte) {
            if (idc != profileIdc) {
                return false;
            }
            for (int bit = 0; bit < 8; bit++) {
                char c = iop.charAt(bit);
                int value = (iopByte >> (7 - bit)) & 1;
                if (c != 'x' && c - '0' != value) {
                    return false;
                }
            }
            return true;
        }
    }

    private static final Pattern[] PATTERNS = {
        new Pattern(0x42, "x1xx0000", Profile.CONSTRAINED_BASELINE),
        new Pattern(0x4D, "1xxx0000", Profile.CONSTRAINED_BASELINE),
        new Pattern(0x58, "11xx0000", Profile.CONSTRAINED_BASELINE),
        new Pattern(0x42, "x0xx0000", Profile.BASELINE),
        new Pattern(0x58, "10xx0000", Profile.BASELINE),
        new Pattern(0x4D, "0x0x0000", Profile.MAIN),
        new Pattern(0x64, "00000000", Profile.HIGH),
        new Pattern(0x64, "00001100", Profile.CONSTRAINED_HIGH),
        new Pattern(0xF4, "00000000", Profile.PREDICTIVE_HIGH_444),
    };

    /** RFC 6184 section 8.1: when the parameter is absent, baseline level 1.0. */
    public static final String DEFAULT = "42000a";

    /** The value, or empty when it is not six hex digits of a profile WebRTC knows. */
    public static Optional<H264ProfileLevelId> parse(String hex) {
        if (hex.length() != 6 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            return Optional.empty();
        }
        byte[] b = HexFormat.of().parseHex(hex);
        int idc = b[0] & 0xFF;
        int iop = b[1] & 0xFF;
        for (Pattern p : PATTERNS) {
            if (p.matches(idc, iop)) {
                return Optional.of(new H264ProfileLevelId(p.profile, idc, iop, b[2] & 0xFF));
            }
        }
        return Optional.empty();
    }

    /** Six lower-case hex digits. */
    public String format() {
        return HexFormat.of().formatHex(new byte[] {(byte) profileIdc, (byte) profileIop, (byte) levelIdc});
    }
}
