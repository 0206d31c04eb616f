package dev.freshet.fragments.mp4;

/**
 * A video sample entry (ISO/IEC 14496-12 12.1.3) — {@code avc1} with its {@code avcC} or
 * {@code hvc1} with its {@code hvcC} (ISO/IEC 14496-15 5.4.2, 8.4.1) — the decoder configuration
 * copied verbatim from the track's CodecPrivate.
 *
 * <pre>
 *  box header | 6 reserved bytes | u16 data_reference_index = 1 | 16 pre_defined/reserved bytes
 *  u16 width | u16 height | u32 horizresolution = 72 dpi | u32 vertresolution = 72 dpi
 *  u32 reserved | u16 frame_count = 1 | 32-byte compressorname | u16 depth = 0x18 | s16 -1
 *  configuration box (avcC | hvcC)
 * </pre>
 *
 * Immutable; thread-safe.
 */
record VisualSampleEntry(String format, int width, int height, Box configuration) implements Box {

    private static final int DPI_72 = 0x00480000;

    @Override
    public int size() {
        return 86 + configuration.size();
    }

    @Override
    public void write(BoxBuffer out) {
        out.header(size(), format);
        out.zeros(6);
        out.u16(1);
        out.zeros(16);
        out.u16(width);
        out.u16(height);
        out.u32(DPI_72);
        out.u32(DPI_72);
        out.u32(0);
        out.u16(1);
        out.zeros(32);
        out.u16(0x18);
        out.u16(0xFFFF);
        out.box(configuration);
    }
}
