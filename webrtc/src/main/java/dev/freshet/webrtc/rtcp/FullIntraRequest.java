package dev.freshet.webrtc.rtcp;

import java.util.ArrayList;
import java.util.List;

/**
 * A full intra request, payload-specific feedback (PT 206, FMT 4; RFC 5104 section 4.3.1): a
 * command to send a decoder refresh point. The media source field is 0; the FCI entries name the
 * streams, each with a command sequence number that a retransmitted request repeats unchanged.
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |V=2|P| FMT=4   |    PT=206     |          length               |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |                  SSRC of packet sender                        |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |                  SSRC of media source (0)                     |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |                              SSRC                             |  FCI, repeated
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  | Seq nr.       |    Reserved                                   |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>Immutable; thread-safe.
 */
public record FullIntraRequest(long senderSsrc, List<FullIntraRequest.Entry> entries) implements RtcpPacket {

    static final int TYPE = 206;
    static final int FORMAT = 4;

    /** One stream asked for a refresh, with the command sequence number 0..255. */
    public record Entry(long ssrc, int sequenceNumber) {
        public Entry {
            FieldChecks.bits(ssrc, 32, "SSRC");
            FieldChecks.bits(sequenceNumber, 8, "FIR sequence number");
        }
    }

    public FullIntraRequest {
        entries = List.copyOf(entries);
        FieldChecks.bits(senderSsrc, 32, "sender SSRC");
    }

    /** Decodes one FIR that fills the {@code len} bytes exactly. */
    public static FullIntraRequest decode(byte[] b, int off, int len) {
        return read(RtcpHeader.decodeSingle(b, off, len, TYPE, FORMAT), b);
    }

    static FullIntraRequest read(RtcpHeader h, byte[] b) {
        RtcpReader r = h.body(b);
        long sender = r.u32();
        r.skip(4);
        List<Entry> entries = new ArrayList<>();
        while (r.remaining() >= 8) {
            long ssrc = r.u32();
            int seq = r.u8();
            r.skip(3);
            entries.add(new Entry(ssrc, seq));
        }
        return new FullIntraRequest(sender, entries);
    }

    @Override
    public int encodedSize() {
        return RtcpHeader.SIZE + 8 + 8 * entries.size();
    }

    @Override
    public int encodeTo(byte[] out, int at) {
        RtcpWriter w = new RtcpWriter(out, at, encodedSize(), FORMAT, TYPE).u32(senderSsrc).u32(0);
        entries.forEach(e -> w.u32(e.ssrc).u8(e.sequenceNumber).u24(0));
        return w.written();
    }
}
