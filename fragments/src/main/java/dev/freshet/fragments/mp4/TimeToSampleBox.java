package dev.freshet.fragments.mp4;

/**
 * {@code stts} (ISO/IEC 14496-12 8.6.1.2): sample durations in decode order, run-length encoded.
 * Empty in fragmented files.
 *
 * <pre>
 *  full box header | u32 entry_count | { u32 sample_count, u32 sample_delta } * entry_count
 * </pre>
 *
 * Immutable; thread-safe.
 */
record TimeToSampleBox(RunLengths runs) implements Box {

    static final TimeToSampleBox EMPTY = new TimeToSampleBox(RunLengths.of(new int[0]));

    static TimeToSampleBox of(int[] durations) {
        return new TimeToSampleBox(RunLengths.of(durations));
    }

    @Override
    public int size() {
        return 16 + 8 * runs.size();
    }

    @Override
    public void write(BoxBuffer out) {
        out.fullHeader(size(), "stts", 0, 0);
        out.u32(runs.size());
        runs.write(out);
    }
}
