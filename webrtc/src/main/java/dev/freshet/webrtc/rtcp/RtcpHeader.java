package dev.freshet.webrtc.rtcp;

import dev.freshet.webrtc.MalformedInputException;

import java.util.Objects;

/**
 * The common header every RTCP packet starts with (RFC 3550 section 6.4.1), and where its body
 * lies once padding is taken off.
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |V=2|P| count/FMT |      PT       |  length (32-bit words - 1)    |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |                    body ...                   | padding | cnt |  cnt counts itself, if P
 * </pre>
 *
 * <p>Immutable; thread-safe.
 *
 * @param padding      the P bit
 * @param count        the 5-bit count (RC, SC) or feedback message type (FMT)
 * @param packetType   the PT octet
 * @param offset       where the packet starts
 * @param packetLength the whole packet's length in bytes, 4 * (length + 1)
 * @param bodyLength   the bytes after the header, padding excluded
 */
record RtcpHeader(boolean padding, int count, int packetType, int offset, int packetLength, int bodyLength) {

    static final int SIZE = 4;

    /** Reads the header of the packet at {@code off}, which must fit in the {@code len} bytes there. */
    static RtcpHeader decode(byte[] b, int off, int len) {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len < SIZE) {
            throw malformed(RtcpMalformed.TRUNCATED_HEADER, len + " bytes");
        }
        int first = b[off] & 0xFF;
        if (first >> 6 != 2) {
            throw malformed(RtcpMalformed.BAD_VERSION, "version " + (first >> 6));
        }
        int packetLength = 4 * (((b[off + 2] & 0xFF) << 8 | b[off + 3] & 0xFF) + 1);
        if (packetLength > len) {
            throw malformed(RtcpMalformed.BAD_LENGTH, packetLength + " bytes declared, " + len + " left");
        }
        boolean padding = (first & 0x20) != 0;
        int bodyLength = packetLength - SIZE - (padding ? paddingCount(b, off + packetLength, packetLength) : 0);
        return new RtcpHeader(padding, first & 0x1F, b[off + 1] & 0xFF, off, packetLength, bodyLength);
    }

    /** Reads the header of a packet that must fill {@code len} bytes exactly and be of this type. */
    static RtcpHeader decodeSingle(byte[] b, int off, int len, int packetType, int count) {
        RtcpHeader h = decode(b, off, len);
        if (h.packetLength != len) {
            throw malformed(RtcpMalformed.BAD_LENGTH, h.packetLength + " bytes declared, " + len + " given");
        }
        if (h.packetType != packetType || count >= 0 && h.count != count) {
            throw malformed(RtcpMalformed.UNEXPECTED_TYPE, "type " + h.packetType + " format " + h.count);
        }
        return h;
    }

    private static int paddingCount(byte[] b, int end, int packetLength) {
        int count = b[end - 1] & 0xFF;
        if (count == 0 || count > packetLength - SIZE) {
            throw malformed(RtcpMalformed.BAD_PADDING, "padding " + count + " in " + packetLength + " bytes");
        }
        return count;
    }

    static MalformedInputException malformed(RtcpMalformed reason, String detail) {
        return new MalformedInputException(reason, detail);
    }

    /** A reader over the body, padding excluded. */
    RtcpReader body(byte[] b) {
        return new RtcpReader(b, offset + SIZE, offset + SIZE + bodyLength);
    }
}
