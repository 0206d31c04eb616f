package dev.freshet.webrtc.receive;

import dev.freshet.webrtc.depacketize.RtpPayload;
import dev.freshet.webrtc.rtp.RtpPacket;

import java.util.Optional;

/**
 * Reads a retransmission in the RTX payload format (RFC 4588 4): the original packet's sequence
 * number (OSN) leads the original payload; the RTP timestamp and marker are the original's, the
 * sequence number and SSRC the RTX stream's own.
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |  RTP header (RTX SSRC, RTX sequence number, original timestamp) |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |            OSN                |                               |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+                               |
 *  |                  Original RTP Packet Payload                  |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>Stateless; thread-safe.
 */
final class Rtx {

    private static final int OSN_BYTES = 2;

    private Rtx() {
    }

    /**
     * The original packet's payload, a view over {@code rtx}'s bytes; empty for an RTX packet without
     * an OSN (a padding-only packet, as senders probe bandwidth with).
     */
    static Optional<RtpPayload> original(RtpPacket rtx) {
        if (rtx.payloadLength() < OSN_BYTES) {
            return Optional.empty();
        }
        byte[] b = rtx.buffer();
        int at = rtx.payloadOffset();
        int osn = (b[at] & 0xFF) << 8 | b[at + 1] & 0xFF;
        return Optional.of(new RtpPayload(osn, rtx.timestamp(), rtx.marker(), b, at + OSN_BYTES,
            rtx.payloadLength() - OSN_BYTES));
    }
}
