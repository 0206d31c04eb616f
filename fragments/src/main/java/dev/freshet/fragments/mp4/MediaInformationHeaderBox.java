package dev.freshet.fragments.mp4;

/**
 * The media-specific header of {@code minf}: {@code vmhd} (ISO/IEC 14496-12 12.1.2, flags 1) for
 * video, {@code smhd} (12.2.2) for sound.
 *
 * <pre>
 *  vmhd: full box header (flags 1) | u16 graphicsmode = 0 | u16 opcolor[3] = 0   (20 bytes)
 *  smhd: full box header           | s16 balance = 0      | u16 reserved         (16 bytes)
 * </pre>
 *
 * Immutable; thread-safe.
 */
enum MediaInformationHeaderBox implements Box {
    VIDEO("vmhd", 1, 8),
    SOUND("smhd", 0, 4);

    private final String type;
    private final int flags;
    private final int payload;

    MediaInformationHeaderBox(String type, int flags, int payload) {
        this.type = type;
        this.flags = flags;
        this.payload = payload;
    }

    @Override
    public int size() {
        return 12 + payload;
    }

    @Override
    public void write(BoxBuffer out) {
        out.fullHeader(size(), type, 0, flags);
        out.zeros(payload);
    }
}
