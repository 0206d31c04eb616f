package dev.freshet.webrtc.mux;

/**
 * What a datagram on the one WebRTC port carries, told by its first byte (RFC 7983 §7) and, for
 * RTP versus RTCP on a multiplexed port, by its second (RFC 5761 §4: RTCP packet types 192–223
 * fall where an RTP marker bit and payload type 64–95 would, which RTP must not use).
 *
 * <pre>
 *                  +----------------+
 *                  |        [0..3] -+--> STUN
 *                  |      [16..19] -+--> ZRTP
 *      packet -->  |      [20..63] -+--> DTLS
 *                  |      [64..79] -+--> TURN channel
 *                  |    [128..191] -+--> RTP / RTCP
 *                  +----------------+
 * </pre>
 *
 * <p>Stateless; thread-safe.
 */
public enum DatagramKind {
    STUN, ZRTP, DTLS, TURN_CHANNEL, RTP, RTCP, UNKNOWN;

    public static DatagramKind of(byte[] data, int offset, int length) {
        if (length < 1) {
            return UNKNOWN;
        }
        int first = data[offset] & 0xFF;
        if (first <= 3) {
            return STUN;
        }
        if (first >= 16 && first <= 19) {
            return ZRTP;
        }
        if (first >= 20 && first <= 63) {
            return DTLS;
        }
        if (first >= 64 && first <= 79) {
            return TURN_CHANNEL;
        }
        if (first >= 128 && first <= 191) {
            if (length < 2) {
                return UNKNOWN;
            }
            int second = data[offset + 1] & 0xFF;
            return second >= 192 && second <= 223 ? RTCP : RTP;
        }
        return UNKNOWN;
    }
}
