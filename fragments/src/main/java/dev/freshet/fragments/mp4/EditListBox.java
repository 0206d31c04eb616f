package dev.freshet.fragments.mp4;

/**
 * {@code edts} holding an {@code elst} (ISO/IEC 14496-12 8.6.5, 8.6.6): maps a clip track's media
 * timeline, whose first decode time is 0, onto the movie timeline, so that the earliest presented
 * sample of the clip shows at time 0 and tracks that start later keep their offset.
 *
 * <pre>
 *  edts { elst: full box header (version 0, or 1 for 64-bit fields) | u32 entry_count
 *         { u32|u64 segment_duration (movie timescale) | s32|s64 media_time (media timescale,
 *           -1 = empty edit) | s16 media_rate_integer = 1 | s16 media_rate_fraction = 0 } }
 * </pre>
 *
 * Written with an optional empty edit (a track that starts after the clip does) and one edit
 * presenting the media from {@code mediaTime}. Immutable; thread-safe.
 *
 * @param emptyDuration movie-timescale duration of the leading empty edit, 0 for none
 * @param duration      movie-timescale duration of the media edit
 * @param mediaTime     media-timescale time of the first presented sample
 */
record EditListBox(long emptyDuration, long duration, long mediaTime) implements Box {

    private int entries() {
        return emptyDuration > 0 ? 2 : 1;
    }

    private boolean wide() {
        return Math.max(emptyDuration, duration) > 0xFFFFFFFFL || mediaTime > Integer.MAX_VALUE;
    }

    @Override
    public int size() {
        return 8 + 16 + entries() * (wide() ? 20 : 12);
    }

    @Override
    public void write(BoxBuffer out) {
        out.header(size(), "edts");
        out.fullHeader(size() - 8, "elst", wide() ? 1 : 0, 0);
        out.u32(entries());
        if (emptyDuration > 0) {
            entry(out, emptyDuration, -1);
        }
        entry(out, duration, mediaTime);
    }

    private void entry(BoxBuffer out, long segmentDuration, long time) {
        if (wide()) {
            out.u64(segmentDuration);
            out.u64(time);
        } else {
            out.u32(segmentDuration);
            out.u32(time);
        }
        out.u16(1);
        out.u16(0);
    }
}
