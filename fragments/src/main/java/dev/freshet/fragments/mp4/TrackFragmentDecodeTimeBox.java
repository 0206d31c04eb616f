package dev.freshet.fragments.mp4;

/**
 * {@code tfdt} (ISO/IEC 14496-12 8.8.12), version 1: the absolute decode time of the fragment's
 * first sample in the track's timescale. Since it comes from the producer's epoch timestamps,
 * segments made independently of each other join without gaps.
 *
 * <pre>
 *  full box header (version 1) | u64 baseMediaDecodeTime
 * </pre>
 *
 * Immutable; thread-safe.
 */
record TrackFragmentDecodeTimeBox(long baseMediaDecodeTime) implements Box {

    @Override
    public int size() {
        return 20;
    }

    @Override
    public void write(BoxBuffer out) {
        out.fullHeader(20, "tfdt", 1, 0);
        out.u64(baseMediaDecodeTime);
    }
}
