package dev.freshet.fragments.mp4;

/**
 * {@code esds} (ISO/IEC 14496-14 5.6): an ES_Descriptor (ISO/IEC 14496-1 7.2.6.5) that carries an
 * AAC AudioSpecificConfig. Descriptor lengths use the four-byte form ({@code 80 80 80 nn}) so the
 * layout has a fixed shape.
 *
 * <pre>
 *  full box header
 *  03 len ES_Descriptor:        u16 ES_ID = 0 | u8 flags = 0
 *    04 len DecoderConfigDescr: u8 objectTypeIndication = 0x40 (MPEG-4 audio)
 *                               u8 streamType 5 (audio) &lt;&lt; 2 | 1 | u24 bufferSizeDB = 0
 *                               u32 maxBitrate = 0 | u32 avgBitrate = 0
 *      05 len DecoderSpecificInfo: the AudioSpecificConfig
 *    06 len SLConfigDescriptor: u8 predefined = 2 (MP4)
 * </pre>
 *
 * Holds the config array without copying; thread-safe if nobody modifies it.
 */
record EsdsBox(byte[] audioSpecificConfig) implements Box {

    @Override
    public int size() {
        return 49 + audioSpecificConfig.length;
    }

    @Override
    public void write(BoxBuffer out) {
        int n = audioSpecificConfig.length;
        out.fullHeader(size(), "esds", 0, 0);
        descriptor(out, 0x03, 32 + n);
        out.u16(0);
        out.u8(0);
        descriptor(out, 0x04, 18 + n);
        out.u8(0x40);
        out.u8(0x15);
        out.u24(0);
        out.u32(0);
        out.u32(0);
        descriptor(out, 0x05, n);
        out.bytes(audioSpecificConfig);
        descriptor(out, 0x06, 1);
        out.u8(0x02);
    }

    private static void descriptor(BoxBuffer out, int tag, int length) {
        out.u8(tag);
        out.u8(0x80 | (length >>> 21) & 0x7F);
        out.u8(0x80 | (length >>> 14) & 0x7F);
        out.u8(0x80 | (length >>> 7) & 0x7F);
        out.u8(length & 0x7F);
    }
}
