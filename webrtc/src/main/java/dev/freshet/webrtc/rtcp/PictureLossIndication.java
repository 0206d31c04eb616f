package dev.freshet.webrtc.rtcp;

/**
 * A picture loss indication, payload-specific feedback (PT 206, FMT 1; RFC 4585 section 6.3.1):
 * the receiver lost part of a picture and asks the sender for a keyframe. It has no FCI.
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |V=2|P| FMT=1   |    PT=206     |          length = 2           |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |                  SSRC of packet sender                        |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |                  SSRC of media source                         |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>Immutable; thread-safe.
 */
public record PictureLossIndication(long senderSsrc, long mediaSsrc) implements RtcpPacket {

    static final int TYPE = 206;
    static final int FORMAT = 1;
    private static final int SIZE = 12;

    public PictureLossIndication {
        FieldChecks.bits(senderSsrc, 32, "sender SSRC");
        FieldChecks.bits(mediaSsrc, 32, "media SSRC");
    }

    /** Decodes one PLI that fills the {@code len} bytes exactly. */
    public static PictureLossIndication decode(byte[] b, int off, int len) {
        return read(RtcpHeader.decodeSingle(b, off, len, TYPE, FORMAT), b);
    }

    static PictureLossIndication read(RtcpHeader h, byte[] b) {
        RtcpReader r = h.body(b);
        return new PictureLossIndication(r.u32(), r.u32());
    }

    @Override
    public int encodedSize() {
        return SIZE;
    }

    @Override
    public int encodeTo(byte[] out, int at) {
        return new RtcpWriter(out, at, SIZE, FORMAT, TYPE).u32(senderSsrc).u32(mediaSsrc).written();
    }
}
