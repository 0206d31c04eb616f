package dev.freshet.webrtc.rtcp;

import java.util.List;

/**
 * A sender report, RTCP packet type 200 (RFC 3550 section 6.4.1): what a sender sent, with the
 * wallclock (NTP) and RTP time of one instant for lip sync, and reception reports. A profile
 * extension after the report blocks is ignored.
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |V=2|P|    RC   |   PT=SR=200   |             length            |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |                         SSRC of sender                        |
 *  +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
 *  |              NTP timestamp, most significant word             |
 *  |             NTP timestamp, least significant word             |
 *  |                         RTP timestamp                         |
 *  |                     sender's packet count                     |
 *  |                      sender's octet count                     |
 *  +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
 *  |                 report blocks (RC of them, 24 bytes each)     |
 *  +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
 * </pre>
 *
 * <p>Immutable; thread-safe.
 *
 * @param ntpTimestamp the 64-bit NTP time ({@link NtpTime})
 */
public record SenderReport(long ssrc, long ntpTimestamp, long rtpTimestamp, long packetCount, long octetCount,
                           List<ReportBlock> reports) implements RtcpPacket {

    static final int TYPE = 200;

    public SenderReport {
        reports = List.copyOf(reports);
        FieldChecks.count(reports, 31, "report blocks");
        for (long v : new long[] {ssrc, rtpTimestamp, packetCount, octetCount}) {
            FieldChecks.bits(v, 32, "sender report field");
        }
    }

    /** Decodes one SR that fills the {@code len} bytes exactly. */
    public static SenderReport decode(byte[] b, int off, int len) {
        return read(RtcpHeader.decodeSingle(b, off, len, TYPE, -1), b);
    }

    static SenderReport read(RtcpHeader h, byte[] b) {
        RtcpReader r = h.body(b);
        return new SenderReport(r.u32(), r.u64(), r.u32(), r.u32(), r.u32(), ReportBlock.readAll(r, h.count()));
    }

    /** The NTP timestamp as microseconds since 1970. */
    public long epochMicros() {
        return NtpTime.toEpochMicros(ntpTimestamp);
    }

    @Override
    public int encodedSize() {
        return RtcpHeader.SIZE + 24 + ReportBlock.SIZE * reports.size();
    }

    @Override
    public int encodeTo(byte[] out, int at) {
        RtcpWriter w = new RtcpWriter(out, at, encodedSize(), reports.size(), TYPE)
                .u32(ssrc).u64(ntpTimestamp).u32(rtpTimestamp).u32(packetCount).u32(octetCount);
        ReportBlock.writeAll(reports, w);
        return w.written();
    }
}
