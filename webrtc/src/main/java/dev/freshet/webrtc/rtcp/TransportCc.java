package dev.freshet.webrtc.rtcp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Transport-wide congestion control feedback, transport-layer feedback (PT 205, FMT 15;
 * draft-holmer-rmcat-transport-wide-cc-extensions-01 section 3.1): for a range of transport-wide
 * sequence numbers, whether each packet arrived and when, as deltas of 250 microseconds from a
 * reference time in multiples of 64 ms. The body ends with zeros to a 32-bit boundary (not the P
 * bit), as the draft's diagram shows; readers know the end from the status count.
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |V=2|P|  FMT=15 |    PT=205     |           length              |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |                     SSRC of packet sender                     |
 *  |                      SSRC of media source                     |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |      base sequence number     |      packet status count      |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |        reference time (signed, 64 ms)         | fb pkt. count |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |  packet chunks ({@link PacketStatusChunks}), 16 bits each ... |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |  recv deltas: 8 bits unsigned or 16 bits signed, per received |
 *  |  packet, each from the previous one (the first from reference)| zero padding |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>Immutable; thread-safe.
 *
 * @param baseSequenceNumber  the transport-wide sequence number of the first packet, 0..65535
 * @param referenceTime       -2^23..2^23-1, in 64 ms
 * @param feedbackPacketCount counts the feedback packets sent, 0..255 (wraps)
 * @param deltas              per packet from the base on: {@link #NOT_RECEIVED}, or its receive
 *                            delta in 250 us (-32768..32767; 0..255 take one byte)
 */
public record TransportCc(long senderSsrc, long mediaSsrc, int baseSequenceNumber, int referenceTime,
                          int feedbackPacketCount, List<Integer> deltas) implements RtcpPacket {

    static final int TYPE = 205;
    static final int FORMAT = 15;
    /** The delta of a packet that did not arrive. */
    public static final int NOT_RECEIVED = Integer.MIN_VALUE;
    /** Microseconds per delta tick. */
    public static final int DELTA_MICROS = 250;
    /** Microseconds per reference time tick. */
    public static final int REFERENCE_MICROS = 64_000;
    private static final int FIXED = RtcpHeader.SIZE + 16;

    public TransportCc {
        deltas = List.copyOf(deltas);
        FieldChecks.bits(senderSsrc, 32, "sender SSRC");
        FieldChecks.bits(mediaSsrc, 32, "media SSRC");
        FieldChecks.bits(baseSequenceNumber, 16, "base sequence number");
        FieldChecks.bits(referenceTime + (1 << 23), 24, "reference time");
        FieldChecks.bits(feedbackPacketCount, 8, "feedback packet count");
        FieldChecks.count(deltas, 0xFFFF, "packet statuses");
        deltas.forEach(d -> FieldChecks.bits(d == NOT_RECEIVED ? 0 : d + 0x8000, 16, "receive delta"));
    }

    /**
     * Feedback for packets from {@code baseSequenceNumber} on that arrived at the given times
     * (microseconds on the receiver's clock, -1 for lost). Each delta is taken from the previous
     * rounded time so that rounding errors do not add up.
     *
     * @throws IllegalArgumentException if two arrivals lie too far apart for a 16-bit delta
     */
    public static TransportCc ofArrivals(long senderSsrc, long mediaSsrc, int baseSequenceNumber,
                                         int feedbackPacketCount, long[] arrivalMicros) {
        long reference = -1;
        long previous = 0;
        List<Integer> deltas = new ArrayList<>(arrivalMicros.length);
        for (long arrival : arrivalMicros) {
            if (arrival < 0) {
                deltas.add(NOT_RECEIVED);
                continue;
            }
            if (reference < 0) {
                reference = arrival / REFERENCE_MICROS;
                previous = reference * REFERENCE_MICROS;
            }
            long ticks = Math.floorDiv(arrival - previous, DELTA_MICROS);
            deltas.add((int) Math.max(Integer.MIN_VALUE + 1, Math.min(Integer.MAX_VALUE, ticks)));
            previous += ticks * DELTA_MICROS;
        }
        int referenceTime = (int) (Math.max(reference, 0) & 0xFF_FFFF) << 8 >> 8;
        return new TransportCc(senderSsrc, mediaSsrc, baseSequenceNumber, referenceTime, feedbackPacketCount,
                deltas);
    }

    /** Decodes one transport-wide feedback packet that fills the {@code len} bytes exactly. */
    public static TransportCc decode(byte[] b, int off, int len) {
        return read(RtcpHeader.decodeSingle(b, off, len, TYPE, FORMAT), b);
    }

    static TransportCc read(RtcpHeader h, byte[] b) {
        RtcpReader r = h.body(b);
        long sender = r.u32();
        long media = r.u32();
        int base = r.u16();
        int count = r.u16();
        int reference = r.u24() << 8 >> 8;
        int feedbackCount = r.u8();
        int[] symbols = PacketStatusChunks.read(r, count);
        List<Integer> deltas = new ArrayList<>(count);
        for (int symbol : symbols) {
            deltas.add(symbol == 0 ? NOT_RECEIVED : symbol == 1 ? r.u8() : (short) r.u16());
        }
        return new TransportCc(sender, media, base, reference, feedbackCount, deltas);
    }

    private int[] symbols() {
        return deltas.stream().mapToInt(d -> d == NOT_RECEIVED ? 0 : d >= 0 && d <= 255 ? 1 : 2).toArray();
    }

    @Override
    public int encodedSize() {
        int[] symbols = symbols();
        return size(symbols, PacketStatusChunks.write(symbols));
    }

    private static int size(int[] symbols, List<Integer> chunks) {
        int deltaBytes = Arrays.stream(symbols).sum();
        return (FIXED + 2 * chunks.size() + deltaBytes + 3) / 4 * 4;
    }

    @Override
    public int encodeTo(byte[] out, int at) {
        int[] symbols = symbols();
        List<Integer> chunks = PacketStatusChunks.write(symbols);
        RtcpWriter w = new RtcpWriter(out, at, size(symbols, chunks), FORMAT, TYPE)
                .u32(senderSsrc).u32(mediaSsrc).u16(baseSequenceNumber).u16(deltas.size())
                .u24(referenceTime & 0xFF_FFFF).u8(feedbackPacketCount);
        chunks.forEach(w::u16);
        for (int i = 0; i < symbols.length; i++) {
            if (symbols[i] == 1) {
                w.u8(deltas.get(i));
            } else if (symbols[i] == 2) {
                w.u16(deltas.get(i));
            }
        }
        return w.zerosTo32Bits().written();
    }
}
