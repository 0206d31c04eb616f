package dev.freshet.webrtc.rtcp;

import java.util.ArrayList;
import java.util.List;

/**
 * A compound RTCP packet: the RTCP packets of one UDP payload, back to back (RFC 3550 section 6.1).
 * Every packet's length word must land inside the datagram and the last must end exactly at its
 * end. Packet types and feedback formats this package does not know are skipped by their length.
 *
 * <p>Two rules of section 6.1 are not enforced, because peers break them legitimately: a
 * compound need not start with SR or RR (reduced-size RTCP, RFC 5506, which browsers negotiate
 * with {@code a=rtcp-rsize}), and padding is accepted in any packet, not only the last (the
 * length word covers it, and some stacks pad transport-wide feedback that way).
 *
 * <pre>
 *  +------------------+------------------+-----+------------------+
 *  | header | body    | header | body    | ... | header | body    |   one UDP payload
 *  +------------------+------------------+-----+------------------+
 *  each header: V=2, P, count/FMT, PT, length = 32-bit words - 1
 * </pre>
 *
 * <p>Stateless; thread-safe.
 */
public final class RtcpCompound {

    private RtcpCompound() {
    }

    /**
     * The known packets in the {@code len} bytes from {@code off}, in order.
     *
     * @throws dev.freshet.webrtc.MalformedInputException with an {@link RtcpMalformed} reason
     */
    public static List<RtcpPacket> decode(byte[] b, int off, int len) {
        List<RtcpPacket> packets = new ArrayList<>();
        int end = off + len;
        int pos = off;
        do {
            RtcpHeader h = RtcpHeader.decode(b, pos, end - pos);
            RtcpPacket packet = read(h, b);
            if (packet != null) {
                packets.add(packet);
            }
            pos += h.packetLength();
        } while (pos < end);
        return packets;
    }

    /** The packet {@code h} heads, or null for a type or format this package does not know. */
    private static RtcpPacket read(RtcpHeader h, byte[] b) {
        return switch (h.packetType()) {
            case SenderReport.TYPE -> SenderReport.read(h, b);
            case ReceiverReport.TYPE -> ReceiverReport.read(h, b);
            case Sdes.TYPE -> Sdes.read(h, b);
            case Bye.TYPE -> Bye.read(h, b);
            case GenericNack.TYPE -> transportFeedback(h, b);
            case PictureLossIndication.TYPE -> payloadFeedback(h, b);
            default -> null;
        };
    }

    private static RtcpPacket transportFeedback(RtcpHeader h, byte[] b) {
        return switch (h.count()) {
            case GenericNack.FORMAT -> GenericNack.read(h, b);
            case TransportCc.FORMAT -> TransportCc.read(h, b);
            default -> null;
        };
    }

    private static RtcpPacket payloadFeedback(RtcpHeader h, byte[] b) {
        return switch (h.count()) {
            case PictureLossIndication.FORMAT -> PictureLossIndication.read(h, b);
            case FullIntraRequest.FORMAT -> FullIntraRequest.read(h, b);
            case Remb.FORMAT -> Remb.read(h, b);
            default -> null;
        };
    }

    public static int encodedSize(List<? extends RtcpPacket> packets) {
        return packets.stream().mapToInt(RtcpPacket::encodedSize).sum();
    }

    /** Writes the packets back to back to {@code out} at {@code at}; returns the bytes written. */
    public static int encodeTo(List<? extends RtcpPacket> packets, byte[] out, int at) {
        int pos = at;
        for (RtcpPacket p : packets) {
            pos += p.encodeTo(out, pos);
        }
        return pos - at;
    }

    /** The packets back to back in a new array of their size. */
    public static byte[] encode(List<? extends RtcpPacket> packets) {
        byte[] out = new byte[encodedSize(packets)];
        encodeTo(packets, out, 0);
        return out;
    }
}
