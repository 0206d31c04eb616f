package dev.freshet.fragments.mp4;

/**
 * The time fields that {@code mvhd}, {@code tkhd} and {@code mdhd} share (ISO/IEC 14496-12 8.2.2,
 * 8.3.2, 8.4.2): version 0 with 32-bit times, or version 1 with 64-bit ones when the duration
 * does not fit; creation and modification times are written as 0.
 *
 * <p>Stateless; thread-safe.
 */
final class BoxTimes {

    private BoxTimes() {
    }

    /** The box version a duration needs. */
    static int version(long duration) {
        return duration > 0xFFFFFFFFL ? 1 : 0;
    }

    /** Creation and modification times, both 0, at the width of {@code version}. */
    static void writeCreationAndModification(BoxBuffer out, int version) {
        out.zeros(version == 1 ? 16 : 8);
    }

    /** A duration at the width of {@code version}. */
    static void writeDuration(BoxBuffer out, int version, long duration) {
        if (version == 1) {
            out.u64(duration);
        } else {
            out.u32(duration);
        }
    }
}
