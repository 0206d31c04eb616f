package dev.freshet.fragments.mp4;

/**
 * An audio sample entry (ISO/IEC 14496-12 12.2.3, version 0) — {@code mp4a} with its {@code esds}
 * (ISO/IEC 14496-14 5.6) or {@code Opus} with its {@code dOps} (Opus in ISOBMFF 4.3).
 *
 * <pre>
 *  box header | 6 reserved bytes | u16 data_reference_index = 1 | u32 reserved[2]
 *  u16 channelcount | u16 samplesize = 16 | u16 pre_defined | u16 reserved
 *  u32 samplerate (16.16; 0 when the rate does not fit 16 bits — the mdhd timescale says)
 *  configuration box (esds | dOps)
 * </pre>
 *
 * Immutable; thread-safe.
 */
record AudioSampleEntry(String format, int channels, int sampleRate, Box configuration) implements Box {

    @Override
    public int size() {
        return 36 + configuration.size();
    }

    @Override
    public void write(BoxBuffer out) {
        out.header(size(), format);
        out.zeros(6);
        out.u16(1);
        out.zeros(8);
        out.u16(channels);
        out.u16(16);
        out.zeros(4);
        out.u32(sampleRate <= 0xFFFF ? (long) sampleRate << 16 : 0);
        out.box(configuration);
    }
}
