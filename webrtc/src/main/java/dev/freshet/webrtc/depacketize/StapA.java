package dev.freshet.webrtc.depacketize;

import dev.freshet.webrtc.MalformedInputException;

/**
 * Reads a single-time aggregation packet, STAP-A (RFC 6184 5.7.1): NAL units of one access unit,
 * each behind its 16-bit size. Stateless; thread-safe.
 *
 * <pre>
 *    0                   1                   2                   3
 *    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |F|NRI| Type=24 |         NALU 1 Size           | NALU 1 HDR    |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |                         NALU 1 Data  ..       |  NALU 2 Size  ..
 * </pre>
 */
final class StapA {

    private StapA() {
    }

    /** Checks every size and aggregated NAL unit type before any unit is used. */
    static void validate(RtpPayload packet) {
        int at = 1;
        if (packet.length() <= at) {
            throw malformed(DepacketizeMalformed.H264_TRUNCATED_STAP_A, packet, "no NAL unit");
        }
        while (at < packet.length()) {
            if (packet.length() - at < H264Rtp.STAP_SIZE_BYTES) {
                throw malformed(DepacketizeMalformed.H264_TRUNCATED_STAP_A, packet, "size field cut at " + at);
            }
            int size = sizeAt(packet, at);
            at += H264Rtp.STAP_SIZE_BYTES;
            if (size == 0 || size > packet.length() - at) {
                throw malformed(size == 0 ? DepacketizeMalformed.H264_BAD_AGGREGATED_NAL
                    : DepacketizeMalformed.H264_TRUNCATED_STAP_A, packet, "NAL unit of " + size + " bytes at " + at);
            }
            int type = packet.byteAt(at) & H264Rtp.TYPE;
            if (!H264Rtp.isNalType(type)) {
                throw malformed(DepacketizeMalformed.H264_BAD_AGGREGATED_NAL, packet, "NAL unit type " + type);
            }
            at += size;
        }
    }

    /** The size field at {@code at}. */
    static int sizeAt(RtpPayload packet, int at) {
        return packet.byteAt(at) << 8 | packet.byteAt(at + 1);
    }

    private static MalformedInputException malformed(DepacketizeMalformed reason, RtpPayload packet, String detail) {
        return new MalformedInputException(reason, "STAP-A seq " + packet.sequenceNumber() + ": " + detail);
    }
}
