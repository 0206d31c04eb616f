package dev.freshet.fragments.mp4;

/**
 * {@code ctts} (ISO/IEC 14496-12 8.6.1.3): presentation minus decode time per sample, run-length
 * encoded; version 1 (signed offsets) only when an offset is negative.
 *
 * <pre>
 *  full box header | u32 entry_count | { u32 sample_count, u32|s32 sample_offset } * entry_count
 * </pre>
 *
 * Immutable; thread-safe.
 */
record CompositionOffsetBox(RunLengths runs, boolean signed) implements Box {

    static CompositionOffsetBox of(int[] offsets) {
        boolean signed = false;
        for (int offset : offsets) {
            signed |= offset < 0;
        }
        return new CompositionOffsetBox(RunLengths.of(offsets), signed);
    }

    @Override
    public int size() {
        return 16 + 8 * runs.size();
    }

    @Override
    public void write(BoxBuffer out) {
        out.fullHeader(size(), "ctts", signed ? 1 : 0, 0);
        out.u32(runs.size());
        runs.write(out);
    }
}
