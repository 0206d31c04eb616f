package dev.freshet.fragments.mp4;

/**
 * {@code dinf} with a {@code dref} (ISO/IEC 14496-12 8.7.1, 8.7.2) holding one self-contained
 * {@code url } entry: the media is in this file.
 *
 * <pre>
 *  dinf { dref: full box header | u32 entry_count = 1 | url : full box header, flags 1 (self) }
 * </pre>
 *
 * Stateless; thread-safe.
 */
enum DataInformationBox implements Box {
    SELF_CONTAINED;

    @Override
    public int size() {
        return 36;
    }

    @Override
    public void write(BoxBuffer out) {
        out.header(36, "dinf");
        out.fullHeader(28, "dref", 0, 0);
        out.u32(1);
        out.fullHeader(12, "url ", 0, 1);
    }
}
