package dev.freshet.fragments.mp4;

import java.util.Arrays;

/**
 * {@code stsc} (ISO/IEC 14496-12 8.7.4): how many samples each chunk holds, one entry per change.
 * Empty in fragmented files.
 *
 * <pre>
 *  full box header | u32 entry_count
 *  { u32 first_chunk (1-based), u32 samples_per_chunk, u32 sample_description_index = 1 } * entry_count
 * </pre>
 *
 * Immutable; thread-safe.
 */
record SampleToChunkBox(int[] firstChunks, int[] samplesPerChunk) implements Box {

    static final SampleToChunkBox EMPTY = new SampleToChunkBox(new int[0], new int[0]);

    /** Entries for chunks holding {@code chunkSamples[i]} samples each. */
    static SampleToChunkBox of(int[] chunkSamples) {
        int[] first = new int[chunkSamples.length];
        int[] counts = new int[chunkSamples.length];
        int entries = 0;
        for (int chunk = 0; chunk < chunkSamples.length; chunk++) {
            if (entries == 0 || counts[entries - 1] != chunkSamples[chunk]) {
                first[entries] = chunk + 1;
                counts[entries++] = chunkSamples[chunk];
            }
        }
        return new SampleToChunkBox(Arrays.copyOf(first, entries), Arrays.copyOf(counts, entries));
    }

    @Override
    public int size() {
        return 16 + 12 * firstChunks.length;
    }

    @Override
    public void write(BoxBuffer out) {
        out.fullHeader(size(), "stsc", 0, 0);
        out.u32(firstChunks.length);
        for (int i = 0; i < firstChunks.length; i++) {
            out.u32(firstChunks[i]);
            out.u32(samplesPerChunk[i]);
            out.u32(1);
        }
    }
}
