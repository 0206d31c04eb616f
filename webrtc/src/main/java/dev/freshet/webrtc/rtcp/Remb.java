package dev.freshet.webrtc.rtcp;

import java.util.ArrayList;
import java.util.List;

/**
 * Receiver estimated maximum bitrate (draft-alvestrand-rmcat-remb-03 section 2.2): an
 * application-layer feedback message (PT 206, FMT 15) identified by the ASCII "REMB", with the
 * total bitrate the receiver estimates it can take for the listed streams. The bitrate travels as
 * an 18-bit mantissa and a 6-bit exponent, so building one rounds it down to 18 significant bits;
 * a received value beyond a {@code long} saturates.
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |V=2|P| FMT=15  |   PT=206      |             length            |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |                  SSRC of packet sender                        |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |                  SSRC of media source (0)                     |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |  Unique identifier 'R' 'E' 'M' 'B'                            |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |  Num SSRC     | BR Exp    |  BR Mantissa                      |  bitrate = mantissa * 2^exp
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |   SSRC feedback (Num SSRC of them)                            |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>Immutable; thread-safe.
 *
 * @param bitrate bits per second, at least 0
 */
public record Remb(long senderSsrc, long bitrate, List<Long> ssrcs) implements RtcpPacket {

    static final int TYPE = 206;
    static final int FORMAT = 15;
    private static final long IDENTIFIER = 0x52454D42L; // "REMB"
    private static final int MANTISSA_BITS = 18;

    public Remb {
        ssrcs = List.copyOf(ssrcs);
        FieldChecks.bits(senderSsrc, 32, "sender SSRC");
        FieldChecks.bits(bitrate, 63, "bitrate");
        FieldChecks.u32s(ssrcs, 255, "SSRCs");
    }

    /** Decodes one REMB that fills the {@code len} bytes exactly. */
    public static Remb decode(byte[] b, int off, int len) {
        Remb remb = read(RtcpHeader.decodeSingle(b, off, len, TYPE, FORMAT), b);
        if (remb == null) {
            throw RtcpHeader.malformed(RtcpMalformed.UNEXPECTED_TYPE, "application feedback other than REMB");
        }
        return remb;
    }

    /** The REMB, or null for another kind of application-layer feedback. */
    static Remb read(RtcpHeader h, byte[] b) {
        RtcpReader r = h.body(b);
        long sender = r.u32();
        r.skip(4);
        if (r.remaining() < 4 || r.u32() != IDENTIFIER) {
            return null;
        }
        int count = r.u8();
        int expMantissa = r.u24();
        long bitrate = bitrate(expMantissa & (1 << MANTISSA_BITS) - 1, expMantissa >>> MANTISSA_BITS);
        List<Long> ssrcs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ssrcs.add(r.u32());
        }
        return new Remb(sender, bitrate, ssrcs);
    }

    private static long bitrate(long mantissa, int exponent) {
        return mantissa != 0 && Long.numberOfLeadingZeros(mantissa) <= exponent ? Long.MAX_VALUE : mantissa << exponent;
    }

    @Override
    public int encodedSize() {
        return RtcpHeader.SIZE + 16 + 4 * ssrcs.size();
    }

    @Override
    public int encodeTo(byte[] out, int at) {
        int exponent = Math.max(0, 64 - Long.numberOfLeadingZeros(bitrate) - MANTISSA_BITS);
        RtcpWriter w = new RtcpWriter(out, at, encodedSize(), FORMAT, TYPE).u32(senderSsrc).u32(0).u32(IDENTIFIER)
                .u8(ssrcs.size()).u24(exponent << MANTISSA_BITS | (int) (bitrate >>> exponent));
        ssrcs.forEach(w::u32);
        return w.written();
    }
}
