package dev.freshet.webrtc.receive;

import java.util.Objects;

/**
 * How one incoming stream is received: whose it is, where retransmissions come, and the tuning of the
 * reorder, NACK and keyframe nodes. Immutable; thread-safe.
 *
 * @param localSsrc            our SSRC, the sender of the RTCP we send
 * @param mediaSsrc            the stream's SSRC
 * @param rtxSsrc              the SSRC of its RTX retransmissions (RFC 4588), or -1 for none
 * @param track                the track number of the frames
 * @param reorderWaitMicros    how long a missing packet is waited for
 * @param reorderCapacity      sequence numbers the reorder buffer holds at most
 * @param nack                 NACK timing; its maximum age should be the reorder wait
 * @param keyframes            keyframe request timing (video only)
 * @param reportIntervalMicros the interval of receiver reports
 * @param feedback             the feedback messages the sender agreed to; others are not sent
 */
public record ReceiveConfig(long localSsrc, long mediaSsrc, long rtxSsrc, int track, long reorderWaitMicros,
                            int reorderCapacity, NackGenerator.Config nack, KeyframeRequester.Config keyframes,
                            long reportIntervalMicros, NegotiatedFeedback feedback) {

    /** A receiver report a second, as browsers send them for video. */
    public static final long DEFAULT_REPORT_INTERVAL_MICROS = 1_000_000;

    public ReceiveConfig {
        if (reportIntervalMicros <= 0) {
            throw new IllegalArgumentException("report interval " + reportIntervalMicros);
        }
        Objects.requireNonNull(feedback, "feedback");
    }

    /** Default tuning for stream {@code mediaSsrc}, received as track {@code track}, without RTX. */
    public static ReceiveConfig defaults(long localSsrc, long mediaSsrc, int track) {
        return new ReceiveConfig(localSsrc, mediaSsrc, -1, track, ReorderBuffer.DEFAULT_MAX_WAIT_MICROS,
            ReorderBuffer.DEFAULT_CAPACITY, NackGenerator.Config.defaults(ReorderBuffer.DEFAULT_MAX_WAIT_MICROS),
            KeyframeRequester.Config.defaults(), DEFAULT_REPORT_INTERVAL_MICROS,
            NegotiatedFeedback.ALL);
    }

    /** The same with retransmissions on {@code ssrc} (RTX, its apt the stream's payload type). */
    public ReceiveConfig withRtx(long ssrc) {
        return new ReceiveConfig(localSsrc, mediaSsrc, ssrc, track, reorderWaitMicros, reorderCapacity, nack,
            keyframes, reportIntervalMicros, feedback);
    }

    /** The same with other keyframe request timing. */
    public ReceiveConfig withKeyframes(KeyframeRequester.Config config) {
        return new ReceiveConfig(localSsrc, mediaSsrc, rtxSsrc, track, reorderWaitMicros, reorderCapacity, nack,
            config, reportIntervalMicros, feedback);
    }

    /** The same, sending only the feedback {@code agreed} (keyframes asked with FIR when PLI was not agreed). */
    public ReceiveConfig withFeedback(NegotiatedFeedback agreed) {
        KeyframeRequester.Config requests = new KeyframeRequester.Config(keyframes.minIntervalMicros(),
            keyframes.periodicMicros(), !agreed.pli() && agreed.fir());
        return new ReceiveConfig(localSsrc, mediaSsrc, rtxSsrc, track, reorderWaitMicros, reorderCapacity, nack,
            requests, reportIntervalMicros, agreed);
    }
}
