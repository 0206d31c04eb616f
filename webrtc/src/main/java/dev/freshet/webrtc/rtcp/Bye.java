package dev.freshet.webrtc.rtcp;

import java.util.ArrayList;
import java.util.List;

/**
 * Goodbye, RTCP packet type 203 (RFC 3550 section 6.6): the sources are leaving, optionally with
 * a reason. Text that is not UTF-8 is read with replacement
 * characters, shortened if need be to stay within 255 bytes when written again.
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |V=2|P|    SC   |   PT=BYE=203  |             length            |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |                           SSRC/CSRC (SC of them)              |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |     length    |               reason for leaving ...          |  optional, zeros to 32 bits
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>Immutable; thread-safe.
 *
 * @param reason the reason, empty for none (then none is written)
 */
public record Bye(List<Long> ssrcs, String reason) implements RtcpPacket {

    static final int TYPE = 203;

    public Bye {
        ssrcs = List.copyOf(ssrcs);
        FieldChecks.u32s(ssrcs, 31, "SSRCs");
        Text.check(reason, "reason");
    }

    /** Decodes one BYE that fills the {@code len} bytes exactly. */
    public static Bye decode(byte[] b, int off, int len) {
        return read(RtcpHeader.decodeSingle(b, off, len, TYPE, -1), b);
    }

    static Bye read(RtcpHeader h, byte[] b) {
        RtcpReader r = h.body(b);
        List<Long> ssrcs = new ArrayList<>(h.count());
        for (int i = 0; i < h.count(); i++) {
            ssrcs.add(r.u32());
        }
        String reason = r.remaining() == 0 ? "" : Text.read(r);
        return new Bye(ssrcs, reason);
    }

    @Override
    public int encodedSize() {
        int reasonBytes = reason.isEmpty() ? 0 : 1 + Text.utf8(reason).length;
        return RtcpHeader.SIZE + 4 * ssrcs.size() + (reasonBytes + 3) / 4 * 4;
    }

    @Override
    public int encodeTo(byte[] out, int at) {
        RtcpWriter w = new RtcpWriter(out, at, encodedSize(), ssrcs.size(), TYPE);
        ssrcs.forEach(w::u32);
        if (!reason.isEmpty()) {
            byte[] text = Text.utf8(reason);
            w.u8(text.length).bytes(text).zerosTo32Bits();
        }
        return w.written();
    }
}
