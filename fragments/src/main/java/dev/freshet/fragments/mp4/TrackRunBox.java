package dev.freshet.fragments.mp4;

import dev.freshet.fragments.media.Frame;

import java.util.List;

/**
 * {@code trun} (ISO/IEC 14496-12 8.8.8), version 1 (signed composition offsets), with a data offset
 * and per-sample duration, size, flags and — when the track reorders — composition offset.
 *
 * <pre>
 *  full box header (version 1, flags 0x000001 data-offset | 0x000100 duration | 0x000200 size
 *                   | 0x000400 flags [| 0x000800 composition-time-offset])
 *  u32 sample_count | s32 data_offset (from the start of moof to this track's first sample)
 *  { u32 duration | u32 size | u32 flags | [s32 composition_time_offset] } * sample_count
 *
 *  sample flags (8.8.3.1): sync 0x02000000 (depends on no other sample);
 *                          non-sync 0x01010000 (depends on others, is_non_sync_sample)
 * </pre>
 *
 * Reads the frames and timeline it is given, allocating nothing per sample. Immutable; thread-safe.
 */
record TrackRunBox(List<Frame> frames, TrackTimeline timeline, int dataOffset) implements Box {

    static final int SYNC = 0x02000000;
    static final int NON_SYNC = 0x01010000;
    private static final int FLAGS = 0x000001 | 0x000100 | 0x000200 | 0x000400;
    private static final int COMPOSITION_OFFSETS = 0x000800;

    private boolean offsets() {
        return timeline.hasCompositionOffsets();
    }

    @Override
    public int size() {
        return 20 + frames.size() * (offsets() ? 16 : 12);
    }

    @Override
    public void write(BoxBuffer out) {
        boolean offsets = offsets();
        out.fullHeader(size(), "trun", 1, offsets ? FLAGS | COMPOSITION_OFFSETS : FLAGS);
        out.u32(frames.size());
        out.u32(dataOffset);
        for (int i = 0; i < frames.size(); i++) {
            Frame frame = frames.get(i);
            out.u32(timeline.duration(i));
            out.u32(frame.data().length);
            out.u32(frame.keyframe() ? SYNC : NON_SYNC);
            if (offsets) {
                out.u32(timeline.compositionOffset(i));
            }
        }
    }
}
