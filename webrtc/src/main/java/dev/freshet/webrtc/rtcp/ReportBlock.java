package dev.freshet.webrtc.rtcp;

import java.util.ArrayList;
import java.util.List;

/**
 * One reception report block of a sender or receiver report (RFC 3550 section 6.4.1): how one
 * source's stream arrived.
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
 *  |                 SSRC_1 (SSRC of first source)                 |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  | fraction lost |       cumulative number of packets lost       |  signed 24 bits
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |           extended highest sequence number received           |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |                      interarrival jitter                      |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |                         last SR (LSR)                         |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |                   delay since last SR (DLSR)                  |
 *  +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
 * </pre>
 *
 * <p>Immutable; thread-safe.
 *
 * @param fractionLost   lost fraction since the last report, in 1/256 (0..255)
 * @param cumulativeLost packets lost since the start, -2^23..2^23-1 (negative with duplicates)
 * @param lastSr         the middle 32 bits of the last SR's NTP timestamp ({@link NtpTime#middle32})
 * @param delaySinceLastSr in 1/65536 seconds
 */
public record ReportBlock(long ssrc, int fractionLost, int cumulativeLost, long extendedHighestSequenceNumber,
                          long jitter, long lastSr, long delaySinceLastSr) {

    static final int SIZE = 24;

    public ReportBlock {
        FieldChecks.bits(fractionLost, 8, "fraction lost");
        FieldChecks.bits(cumulativeLost + (1 << 23), 24, "cumulative lost");
        for (long v : new long[] {ssrc, extendedHighestSequenceNumber, jitter, lastSr, delaySinceLastSr}) {
            FieldChecks.bits(v, 32, "report block field");
        }
    }

    static List<ReportBlock> readAll(RtcpReader r, int count) {
        List<ReportBlock> blocks = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long ssrc = r.u32();
            int fraction = r.u8();
            int lost = r.u24() << 8 >> 8;
            blocks.add(new ReportBlock(ssrc, fraction, lost, r.u32(), r.u32(), r.u32(), r.u32()));
        }
        return blocks;
    }

    static void writeAll(List<ReportBlock> blocks, RtcpWriter w) {
        for (ReportBlock b : blocks) {
            w.u32(b.ssrc).u8(b.fractionLost).u24(b.cumulativeLost & 0xFF_FFFF)
                    .u32(b.extendedHighestSequenceNumber).u32(b.jitter).u32(b.lastSr).u32(b.delaySinceLastSr);
        }
    }
}
