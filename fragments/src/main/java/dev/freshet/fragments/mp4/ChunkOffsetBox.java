package dev.freshet.fragments.mp4;

/**
 * Chunk offsets (ISO/IEC 14496-12 8.7.5): {@code stco} (32-bit, written empty in fragmented files)
 * or {@code co64} (64-bit, used by clips). Offsets are file positions: each chunk's offset within
 * the media data plus {@code base}, the file position of the first media byte.
 *
 * <pre>
 *  full box header | u32 entry_count | (u32 | u64) chunk_offset * entry_count
 * </pre>
 *
 * Holds the array without copying; thread-safe if nobody modifies it.
 */
record ChunkOffsetBox(boolean wide, long[] offsets, long base) implements Box {

    static final ChunkOffsetBox EMPTY = new ChunkOffsetBox(false, new long[0], 0);

    @Override
    public int size() {
        return 16 + (wide ? 8 : 4) * offsets.length;
    }

    @Override
    public void write(BoxBuffer out) {
        out.fullHeader(size(), wide ? "co64" : "stco", 0, 0);
        out.u32(offsets.length);
        for (long offset : offsets) {
            if (wide) {
                out.u64(base + offset);
            } else {
                out.u32(base + offset);
            }
        }
    }
}
