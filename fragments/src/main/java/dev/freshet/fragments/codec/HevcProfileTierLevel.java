package dev.freshet.fragments.codec;

/**
 * The general profile, tier and level of an H.265 stream, as both the SPS (profile_tier_level(),
 * H.265 7.3.3) and the hvcC (ISO/IEC 14496-15 8.3.3.1) carry them; codec strings are built from it.
 *
 * <pre>
 *   general_profile_space u(2) | general_tier_flag u(1) | general_profile_idc u(5)
 *   general_profile_compatibility_flag[j] u(1) x 32      (j = 0 first, the most significant bit)
 *   general_progressive_source_flag .. (48 bits of constraint indicator flags)
 *   general_level_idc u(8)                                (level × 30)
 * </pre>
 *
 * <p>Immutable; thread-safe.
 *
 * @param profileSpace       general_profile_space, 0..3
 * @param highTier           general_tier_flag
 * @param profileIdc         general_profile_idc (1 Main, 2 Main 10, 3 Main Still Picture, 4 range extensions, ..)
 * @param compatibilityFlags the 32 flags, flag 0 in the most significant bit (stream order)
 * @param constraintFlags    the 48 constraint indicator bits, first in the most significant of the low 48 bits
 * @param levelIdc           general_level_idc
 */
public record HevcProfileTierLevel(int profileSpace, boolean highTier, int profileIdc, int compatibilityFlags,
                                   long constraintFlags, int levelIdc) {

    /** Reads the general part, then skips the sub-layer part, of profile_tier_level(1, maxSubLayersMinus1). */
    static HevcProfileTierLevel read(RbspReader in, int maxSubLayersMinus1) {
        HevcProfileTierLevel general = new HevcProfileTierLevel(in.readBits(2), in.readFlag(), in.readBits(5),
            (int) in.readBitsLong(32), in.readBitsLong(48), in.readBits(8));
        skipSubLayers(in, maxSubLayersMinus1);
        return general;
    }

    private static void skipSubLayers(RbspReader in, int maxSubLayersMinus1) {
        boolean[] profilePresent = new boolean[maxSubLayersMinus1];
        boolean[] levelPresent = new boolean[maxSubLayersMinus1];
        for (int i = 0; i < maxSubLayersMinus1; i++) {
            profilePresent[i] = in.readFlag();
            levelPresent[i] = in.readFlag();
        }
        if (maxSubLayersMinus1 > 0) {
            in.skipBits(2L * (8 - maxSubLayersMinus1));
        }
        for (int i = 0; i < maxSubLayersMinus1; i++) {
            in.skipBits((profilePresent[i] ? 88 : 0) + (levelPresent[i] ? 8 : 0));
        }
    }
}
