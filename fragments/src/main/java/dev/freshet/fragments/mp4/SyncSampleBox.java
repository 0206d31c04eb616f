package dev.freshet.fragments.mp4;

/**
 * {@code stss} (ISO/IEC 14496-12 8.6.2): the 1-based numbers of the random access samples; absent
 * when every sample is one.
 *
 * <pre>
 *  full box header | u32 entry_count | u32 sample_number * entry_count
 * </pre>
 *
 * Holds the array without copying; thread-safe if nobody modifies it.
 */
record SyncSampleBox(int[] sampleNumbers) implements Box {

    @Override
    public int size() {
        return 16 + 4 * sampleNumbers.length;
    }

    @Override
    public void write(BoxBuffer out) {
        out.fullHeader(size(), "stss", 0, 0);
        out.u32(sampleNumbers.length);
        for (int number : sampleNumbers) {
            out.u32(number);
        }
    }
}
