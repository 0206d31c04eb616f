package dev.freshet.fragments.mp4;

/**
 * {@code mfhd} (ISO/IEC 14496-12 8.8.5): the fragment's sequence number, written modulo 2^32.
 *
 * <pre>
 *  full box header | u32 sequence_number
 * </pre>
 *
 * Immutable; thread-safe.
 */
record MovieFragmentHeaderBox(long sequenceNumber) implements Box {

    @Override
    public int size() {
        return 16;
    }

    @Override
    public void write(BoxBuffer out) {
        out.fullHeader(16, "mfhd", 0, 0);
        out.u32(sequenceNumber);
    }
}
