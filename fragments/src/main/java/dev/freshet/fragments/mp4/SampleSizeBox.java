package dev.freshet.fragments.mp4;

/**
 * {@code stsz} (ISO/IEC 14496-12 8.7.3.2): the size of every sample (sample_size 0: sizes follow).
 * Empty in fragmented files.
 *
 * <pre>
 *  full box header | u32 sample_size = 0 | u32 sample_count | u32 entry_size * sample_count
 * </pre>
 *
 * Holds the array without copying; thread-safe if nobody modifies it.
 */
record SampleSizeBox(int[] sizes) implements Box {

    static final SampleSizeBox EMPTY = new SampleSizeBox(new int[0]);

    @Override
    public int size() {
        return 20 + 4 * sizes.length;
    }

    @Override
    public void write(BoxBuffer out) {
        out.fullHeader(size(), "stsz", 0, 0);
        out.u32(0);
        out.u32(sizes.length);
        for (int size : sizes) {
            out.u32(size);
        }
    }
}
