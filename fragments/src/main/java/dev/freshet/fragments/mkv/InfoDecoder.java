package dev.freshet.fragments.mkv;

/**
 * Decodes the Data of a Segment's Info (RFC 9559 section 5.1.2); other children are skipped.
 *
 * <pre>
 *  Info 0x1549A966
 *   ├ TimestampScale 0x2AD7B1 (uint, ns per tick, default 1,000,000)
 *   ├ MuxingApp 0x4D80 (utf-8)
 *   └ WritingApp 0x5741 (utf-8)
 * </pre>
 *
 * <p>Stateless; thread-safe.
 */
final class InfoDecoder {

    private InfoDecoder() {
    }

    static MkvInfo decode(EbmlReader r) {
        long scale = MkvInfo.DEFAULT_TIMECODE_SCALE;
        String muxingApp = "";
        String writingApp = "";
        while (r.hasMore()) {
            ElementHeader h = r.readHeader();
            switch (h.id()) {
                case MkvIds.TIMECODE_SCALE -> scale = r.readUnsigned(h.size());
                case MkvIds.MUXING_APP -> muxingApp = r.readString(h.size());
                case MkvIds.WRITING_APP -> writingApp = r.readString(h.size());
                default -> r.skip(h.size());
            }
        }
        if (scale <= 0) {
            throw MkvException.invalid("TimestampScale " + Long.toUnsignedString(scale));
        }
        return new MkvInfo(scale, muxingApp, writingApp);
    }
}
