package dev.freshet.webrtc.rtcp;

import dev.freshet.webrtc.rtp.SequenceNumbers;

import java.util.ArrayList;
import java.util.List;

/**
 * A generic NACK, transport-layer feedback (PT 205, FMT 1; RFC 4585 section 6.2.1): the RTP
 * sequence numbers a receiver is missing. On the wire each FCI entry names a packet ID (PID) and
 * a bitmask (BLP) of the 16 that follow it; here the packet holds the plain list.
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |V=2|P| FMT=1   |    PT=205     |          length               |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |                  SSRC of packet sender                        |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |                  SSRC of media source                         |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |            PID                |             BLP               |  FCI, repeated
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  BLP bit i (least significant first) set: PID + i + 1 is lost too
 * </pre>
 *
 * <p>Immutable; thread-safe.
 *
 * @param lost the missing sequence numbers; given oldest first (across a wrap, as
 *             {@link SequenceNumbers#OLDEST_FIRST} orders them) they compress best and decode
 *             back to the same list
 */
public record GenericNack(long senderSsrc, long mediaSsrc, List<Integer> lost) implements RtcpPacket {

    static final int TYPE = 205;
    static final int FORMAT = 1;

    public GenericNack {
        lost = List.copyOf(lost);
        FieldChecks.bits(senderSsrc, 32, "sender SSRC");
        FieldChecks.bits(mediaSsrc, 32, "media SSRC");
        lost.forEach(seq -> FieldChecks.bits(seq, 16, "sequence number"));
    }

    /** Decodes one generic NACK that fills the {@code len} bytes exactly. */
    public static GenericNack decode(byte[] b, int off, int len) {
        return read(RtcpHeader.decodeSingle(b, off, len, TYPE, FORMAT), b);
    }

    static GenericNack read(RtcpHeader h, byte[] b) {
        RtcpReader r = h.body(b);
        long sender = r.u32();
        long media = r.u32();
        List<Integer> lost = new ArrayList<>();
        while (r.remaining() >= 4) {
            int pid = r.u16();
            int blp = r.u16();
            lost.add(pid);
            for (int bit = 0; bit < 16; bit++) {
                if ((blp & 1 << bit) != 0) {
                    lost.add(SequenceNumbers.add(pid, bit + 1));
                }
            }
        }
        return new GenericNack(sender, media, lost);
    }

    /** PID/BLP pairs as {@code pid << 16 | blp}: a lost number within 16 after the open PID joins its mask. */
    private List<Integer> pairs() {
        List<Integer> pairs = new ArrayList<>();
        int pid = -1;
        int blp = 0;
        for (int seq : lost) {
            int distance = pid < 0 ? 0 : SequenceNumbers.distance(pid, seq);
            if (distance >= 1 && distance <= 16) {
                blp |= 1 << (distance - 1);
                continue;
            }
            if (pid >= 0) {
                pairs.add(pid << 16 | blp);
            }
            pid = seq;
            blp = 0;
        }
        if (pid >= 0) {
            pairs.add(pid << 16 | blp);
        }
        return pairs;
    }

    @Override
    public int encodedSize() {
        return RtcpHeader.SIZE + 8 + 4 * pairs().size();
    }

    @Override
    public int encodeTo(byte[] out, int at) {
        List<Integer> pairs = pairs();
        RtcpWriter w = new RtcpWriter(out, at, RtcpHeader.SIZE + 8 + 4 * pairs.size(), FORMAT, TYPE)
                .u32(senderSsrc).u32(mediaSsrc);
        pairs.forEach(p -> w.u32(p & 0xFFFF_FFFFL));
        return w.written();
    }
}
