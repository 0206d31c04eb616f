package dev.freshet.signaling.whip;

/**
 * What the WHIP publishers of one stream did, for metrics: counts since the server started (ended
 * sessions included, so each only grows) and the live publisher's latest keyframe interval.
 *
 * @param publishing               whether a publisher is on now
 * @param bytesReceived            SRTP and SRTCP bytes that decrypted and authenticated
 * @param packetsLost              RTP packets never received (RFC 3550 cumulative loss; repaired
 *                                 ones are not lost)
 * @param nacksSent                sequence numbers asked for again by NACK
 * @param plisSent                 picture loss indications sent (for the server's fragments and for
 *                                 joining viewers)
 * @param firsSent                 full intra requests sent
 * @param transportFeedbackSent    transport-wide congestion control feedback packets sent (0 unless the
 *                                 publisher negotiated transport-cc)
 * @param keyframeIntervalSeconds  the time between the live publisher's last two keyframes, 0
 *                                 before it sent two (or without a publisher)
 */
public record PublisherStats(boolean publishing, long bytesReceived, long packetsLost, long nacksSent, long plisSent,
                             long firsSent, long transportFeedbackSent, double keyframeIntervalSeconds) {

    public static final PublisherStats NONE = new PublisherStats(false, 0, 0, 0, 0, 0, 0, 0);

    /** This stream's counts with {@code other}'s added; the state (publishing, interval) of {@code other}. */
    public PublisherStats plus(PublisherStats other) {
        return new PublisherStats(other.publishing, bytesReceived + other.bytesReceived,
            packetsLost + other.packetsLost, nacksSent + other.nacksSent, plisSent + other.plisSent,
            firsSent + other.firsSent, transportFeedbackSent + other.transportFeedbackSent,
            other.keyframeIntervalSeconds);
    }

    /** The counts only, as kept for an ended session. */
    PublisherStats ended() {
        return new PublisherStats(false, bytesReceived, packetsLost, nacksSent, plisSent, firsSent,
            transportFeedbackSent, 0);
    }
}
