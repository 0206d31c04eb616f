package dev.freshet.webrtc.srtp;

/**
 * Turns 16-bit RTP sequence numbers into the 48-bit SRTP packet index {@code 2^16 * ROC + SEQ}
 * (RFC 3711 §3.3.1). The guess is relative to the highest index seen: a sequence number more
 * than half the space behind or ahead of it is taken to belong to the previous or next roll.
 *
 * <pre>
 * s_l &lt; 2^15:  SEQ - s_l &gt; 2^15  ? ROC - 1 : ROC
 * s_l &gt;= 2^15: s_l - 2^15 &gt; SEQ  ? ROC + 1 : ROC
 * </pre>
 *
 * <p>Not thread-safe.
 */
final class RolloverCounter {

    private static final int HALF = 1 << 15;

    private final int initialRoc;
    private long highest = -1;

    RolloverCounter(int initialRoc) {
        this.initialRoc = initialRoc;
    }

    /**
     * The index {@code seq} most likely has; negative when it would fall before ROC 0 (a packet
     * from before the stream started, which the caller treats as too old).
     */
    long estimate(int seq) {
        if (highest < 0) {
            return ((initialRoc & 0xFFFFFFFFL) << 16) | seq;
        }
        long roc = highest >>> 16;
        int lastSeq = (int) (highest & 0xFFFF);
        long guess = roc;
        if (lastSeq < HALF) {
            if (seq - lastSeq > HALF) {
                guess = roc - 1;
            }
        } else if (lastSeq - HALF > seq) {
            guess = roc + 1;
        }
        return (guess << 16) | seq;
    }

    /** Records an index that authenticated (receiver) or was sent (sender). */
    void update(long index) {
        highest = Math.max(highest, index);
    }
}
