package dev.freshet.fragments.mp4;

/**
 * {@code tkhd} (ISO/IEC 14496-12 8.3.2), flags track_enabled | track_in_movie, version 0 (1 when the
 * duration needs 64 bits).
 *
 * <pre>
 *  full box header
 *  u32|u64 creation_time = 0 | u32|u64 modification_time = 0 | u32 track_ID | u32 reserved
 *  u32|u64 duration (movie timescale) | 8 reserved bytes | s16 layer = 0 | s16 alternate_group
 *  s16 volume (1.0 audio, 0 video) | u16 reserved | s32 matrix[9]
 *  u32 width (16.16) | u32 height (16.16)
 * </pre>
 *
 * Immutable; thread-safe.
 */
record TrackHeaderBox(int trackId, long duration, boolean audio, int width, int height) implements Box {

    private static final int ENABLED_IN_MOVIE = 0x000003;

    private int version() {
        return BoxTimes.version(duration);
    }

    @Override
    public int size() {
        return version() == 1 ? 104 : 92;
    }

    @Override
    public void write(BoxBuffer out) {
        out.fullHeader(size(), "tkhd", version(), ENABLED_IN_MOVIE);
        BoxTimes.writeCreationAndModification(out, version());
        out.u32(trackId);
        out.zeros(4);
        BoxTimes.writeDuration(out, version(), duration);
        out.zeros(8);
        out.u16(0);
        out.u16(audio ? 1 : 0);
        out.u16(audio ? 0x0100 : 0);
        out.zeros(2);
        Matrix.writeUnity(out);
        out.u32((long) width << 16);
        out.u32((long) height << 16);
    }
}
