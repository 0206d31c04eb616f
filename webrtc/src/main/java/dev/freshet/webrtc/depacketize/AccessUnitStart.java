package dev.freshet.webrtc.depacketize;

import dev.freshet.fragments.codec.H264Nals;

/**
 * Whether an RTP packet visibly begins an H.264 access unit, for the packet that follows a gap: the
 * NAL unit it starts is one that precedes pictures (H.264 7.4.1.2.3: AUD, SEI, SPS, PPS), or a slice
 * whose {@code first_mb_in_slice} is 0 — a ue(v) that is 0 exactly when the first bit after the NAL
 * header is 1. A STAP-A counts by its first unit. Malformed packets answer false; the parser reports
 * them. Stateless; thread-safe.
 */
final class AccessUnitStart {

    private AccessUnitStart() {
    }

    static boolean startsAccessUnit(RtpPayload packet) {
        if (packet.length() < 1) {
            return false;
        }
        int type = packet.byteAt(0) & H264Rtp.TYPE;
        if (type == H264Rtp.STAP_A) {
            return packet.length() > 3 && nalStarts(packet, 3, packet.byteAt(3) & H264Rtp.TYPE);
        }
        if (type == H264Rtp.FU_A) {
            return packet.length() > 1 && (packet.byteAt(1) & H264Rtp.FU_START) != 0
                && nalStarts(packet, 1, packet.byteAt(1) & H264Rtp.TYPE);
        }
        return nalStarts(packet, 0, type);
    }

    /** {@code headerAt}: where the NAL header (or the FU header standing for it) is in the packet. */
    private static boolean nalStarts(RtpPayload packet, int headerAt, int nalType) {
        return switch (nalType) {
            case H264Nals.SEI, H264Nals.SPS, H264Nals.PPS, H264Nals.ACCESS_UNIT_DELIMITER -> true;
            case H264Nals.NON_IDR_SLICE, 2, 3, 4, H264Nals.IDR_SLICE ->
                packet.length() > headerAt + 1 && (packet.byteAt(headerAt + 1) & 0x80) != 0;
            default -> false;
        };
    }
}
