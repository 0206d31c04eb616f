package dev.freshet.webrtc.rtcp;

import java.util.List;

/**
 * A receiver report, RTCP packet type 201 (RFC 3550 section 6.4.2): reception reports from a
 * participant that is not sending. A profile extension after the report blocks is ignored.
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |V=2|P|    RC   |   PT=RR=201   |             length            |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |                     SSRC of packet sender                     |
 *  +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
 *  |                 report blocks (RC of them, 24 bytes each)     |
 *  +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
 * </pre>
 *
 * <p>Immutable; thread-safe.
 */
public record ReceiverReport(long ssrc, List<ReportBlock> reports) implements RtcpPacket {

    static final int TYPE = 201;

    public ReceiverReport {
        reports = List.copyOf(reports);
        FieldChecks.count(reports, 31, "report blocks");
        FieldChecks.bits(ssrc, 32, "SSRC");
    }

    /** Decodes one RR that fills the {@code len} bytes exactly. */
    public static ReceiverReport decode(byte[] b, int off, int len) {
        return read(RtcpHeader.decodeSingle(b, off, len, TYPE, -1), b);
    }

    static ReceiverReport read(RtcpHeader h, byte[] b) {
        RtcpReader r = h.body(b);
        return new ReceiverReport(r.u32(), ReportBlock.readAll(r, h.count()));
    }

    @Override
    public int encodedSize() {
        return RtcpHeader.SIZE + 4 + ReportBlock.SIZE * reports.size();
    }

    @Override
    public int encodeTo(byte[] out, int at) {
        RtcpWriter w = new RtcpWriter(out, at, encodedSize(), reports.size(), TYPE).u32(ssrc);
        ReportBlock.writeAll(reports, w);
        return w.written();
    }
}
