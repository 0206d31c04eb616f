package dev.freshet.signaling.whep;

/**
 * What the WHEP viewers of one stream got, for metrics: counts since the server started (ended
 * sessions included, so each only grows) and how many watch now.
 *
 * @param viewers         viewer sessions open now
 * @param bytesSent       RTP bytes sent to viewers (before SRTP protection)
 * @param retransmissions packets sent again for viewers' NACKs, from the publisher's history
 * @param dropped         packets a slow viewer's full queue (or a failed send) lost
 */
public record ViewerStats(int viewers, long bytesSent, long retransmissions, long dropped) {

    public static final ViewerStats NONE = new ViewerStats(0, 0, 0, 0);

    public ViewerStats plus(ViewerStats other) {
        return new ViewerStats(viewers + other.viewers, bytesSent + other.bytesSent,
            retransmissions + other.retransmissions, dropped + other.dropped);
    }
}
