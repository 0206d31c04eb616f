package dev.freshet.fragments.mp4;

/**
 * {@code mvhd} (ISO/IEC 14496-12 8.2.2), version 0, or 1 when the duration needs 64 bits.
 *
 * <pre>
 *  full box header (version, flags 0)
 *  u32|u64 creation_time = 0 | u32|u64 modification_time = 0 | u32 timescale | u32|u64 duration
 *  s32 rate = 1.0 | s16 volume = 1.0 | 10 reserved bytes | s32 matrix[9] | 24 pre_defined bytes
 *  u32 next_track_ID
 * </pre>
 *
 * Immutable; thread-safe.
 *
 * @param duration in {@code timescale} units; 0 for fragmented files (the fragments say)
 */
record MovieHeaderBox(int timescale, long duration, int nextTrackId) implements Box {

    private int version() {
        return BoxTimes.version(duration);
    }

    @Override
    public int size() {
        return version() == 1 ? 120 : 108;
    }

    @Override
    public void write(BoxBuffer out) {
        out.fullHeader(size(), "mvhd", version(), 0);
        BoxTimes.writeCreationAndModification(out, version());
        out.u32(timescale);
        BoxTimes.writeDuration(out, version(), duration);
        out.u32(0x00010000);
        out.u16(0x0100);
        out.zeros(10);
        Matrix.writeUnity(out);
        out.zeros(24);
        out.u32(nextTrackId);
    }
}
