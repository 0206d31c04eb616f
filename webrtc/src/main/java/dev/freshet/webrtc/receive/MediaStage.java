package dev.freshet.webrtc.receive;

import dev.freshet.webrtc.depacketize.DropCounters;
import dev.freshet.webrtc.depacketize.RtpPayload;
import dev.freshet.webrtc.rtcp.RtcpPacket;

import java.util.Optional;

/**
 * The codec end of a receive pipeline: payloads in sequence order (with the gaps the reorder buffer
 * gave up on) to frames on the stream's clock, and the feedback the codec wants from the sender.
 *
 * <p>Not thread-safe: owned by one {@link ReceivePipeline}.
 */
sealed interface MediaStage permits H264Stage, OpusStage {

    /**
     * The next payload in sequence order, arrived at {@code arrivalMicros}.
     *
     * @throws dev.freshet.webrtc.MalformedInputException for a payload the payload format refuses
     */
    void packet(RtpPayload payload, long arrivalMicros);

    /** Packets were skipped: lost for good. */
    void gap();

    /** A sender report put this RTP timestamp at this NTP time (as epoch micros). */
    void onSenderReport(long ntpEpochMicros, long rtpTimestamp);

    /** Feedback due at {@code nowMicros} (a keyframe request), if any. */
    Optional<RtcpPacket> feedback(long nowMicros);

    /** What the depacketizer dropped. */
    DropCounters drops();
}
