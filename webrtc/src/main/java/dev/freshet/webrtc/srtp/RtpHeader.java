package dev.freshet.webrtc.srtp;

import dev.freshet.webrtc.MalformedInputException;

/**
 * The few RTP header fields SRTP needs, read in place (RFC 3550 §5.1, §5.3.1). The full RTP
 * parser lives in the rtp package; SRTP sits below it and must not depend on it.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * |V=2|P|X|  CC   |M|     PT      |       sequence number         |
 * |                           timestamp                           |
 * |           synchronization source (SSRC) identifier            |
 * |            contributing source (CSRC) identifiers  (CC x 32)  |
 * |  defined by profile (if X)    |  extension length in words    |
 * |                  header extension (length x 32)               |
 * </pre>
 *
 * <p>Stateless and thread-safe.
 */
final class RtpHeader {

    static final int FIXED_LENGTH = 12;

    private RtpHeader() {
    }

    /** Header length incl. CSRCs and extension; it must fit in {@code length} bytes. */
    static int length(byte[] buf, int offset, int length) {
        if (length < FIXED_LENGTH) {
            throw new MalformedInputException(SrtpMalformed.TRUNCATED, length + " bytes");
        }
        int first = buf[offset] & 0xFF;
        if (first >>> 6 != 2) {
            throw new MalformedInputException(SrtpMalformed.BAD_VERSION, "version " + (first >>> 6));
        }
        int headerLength = FIXED_LENGTH + 4 * (first & 0x0F);
        if ((first & 0x10) != 0) {
            if (headerLength + 4 > length) {
                throw new MalformedInputException(SrtpMalformed.TRUNCATED_HEADER, "extension header");
            }
            headerLength += 4 + 4 * Bytes.uint16(buf, offset + headerLength + 2);
        }
        if (headerLength > length) {
            throw new MalformedInputException(SrtpMalformed.TRUNCATED_HEADER, headerLength + " > " + length);
        }
        return headerLength;
    }

    static int sequenceNumber(byte[] buf, int offset) {
        return Bytes.uint16(buf, offset + 2);
    }

    static int ssrc(byte[] buf, int offset) {
        return Bytes.int32(buf, offset + 8);
    }
}
