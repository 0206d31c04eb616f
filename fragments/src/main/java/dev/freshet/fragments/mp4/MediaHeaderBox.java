package dev.freshet.fragments.mp4;

/**
 * {@code mdhd} (ISO/IEC 14496-12 8.4.2), version 0 (1 when the duration needs 64 bits), language
 * "und".
 *
 * <pre>
 *  full box header
 *  u32|u64 creation_time = 0 | u32|u64 modification_time = 0 | u32 timescale | u32|u64 duration
 *  1b pad | 5b[3] language (ISO 639-2/T, each letter - 0x60) | u16 pre_defined = 0
 * </pre>
 *
 * Immutable; thread-safe.
 */
record MediaHeaderBox(int timescale, long duration) implements Box {

    private static final int UNDETERMINED = (('u' - 0x60) << 10) | (('n' - 0x60) << 5) | ('d' - 0x60);

    private int version() {
        return BoxTimes.version(duration);
    }

    @Override
    public int size() {
        return version() == 1 ? 44 : 32;
    }

    @Override
    public void write(BoxBuffer out) {
        out.fullHeader(size(), "mdhd", version(), 0);
        BoxTimes.writeCreationAndModification(out, version());
        out.u32(timescale);
        BoxTimes.writeDuration(out, version(), duration);
        out.u16(UNDETERMINED);
        out.u16(0);
    }
}
