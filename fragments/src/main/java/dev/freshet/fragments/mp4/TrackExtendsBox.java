package dev.freshet.fragments.mp4;

/**
 * {@code trex} (ISO/IEC 14496-12 8.8.3): a track's defaults for movie fragments. Every {@code trun}
 * here states duration, size and flags per sample, so the defaults are zero.
 *
 * <pre>
 *  full box header | u32 track_ID | u32 default_sample_description_index = 1
 *  u32 default_sample_duration = 0 | u32 default_sample_size = 0 | u32 default_sample_flags = 0
 * </pre>
 *
 * Immutable; thread-safe.
 */
record TrackExtendsBox(int trackId) implements Box {

    @Override
    public int size() {
        return 32;
    }

    @Override
    public void write(BoxBuffer out) {
        out.fullHeader(32, "trex", 0, 0);
        out.u32(trackId);
        out.u32(1);
        out.zeros(12);
    }
}
