package dev.freshet.fragments.mp4;

/**
 * {@code tfhd} (ISO/IEC 14496-12 8.8.7) with only {@code default-base-is-moof} (0x020000): data
 * offsets count from the start of the enclosing {@code moof}, as CMAF requires (ISO/IEC 23000-19
 * 7.5.16); every other default comes from {@code trex} or the {@code trun}.
 *
 * <pre>
 *  full box header (flags 0x020000) | u32 track_ID
 * </pre>
 *
 * Immutable; thread-safe.
 */
record TrackFragmentHeaderBox(int trackId) implements Box {

    static final int DEFAULT_BASE_IS_MOOF = 0x020000;

    @Override
    public int size() {
        return 16;
    }

    @Override
    public void write(BoxBuffer out) {
        out.fullHeader(16, "tfhd", 0, DEFAULT_BASE_IS_MOOF);
        out.u32(trackId);
    }
}
