package dev.freshet.webrtc.receive;

import dev.freshet.webrtc.depacketize.DropCounters;
import dev.freshet.webrtc.depacketize.OpusDepacketizer;
import dev.freshet.webrtc.depacketize.RtpClock;
import dev.freshet.webrtc.depacketize.RtpPayload;
import dev.freshet.webrtc.rtcp.RtcpPacket;

import java.util.Optional;

/**
 * Opus payloads to frames on the 48 kHz {@link RtpClock}. Every Opus packet stands alone, so a gap
 * costs only what was lost (the decoder conceals it) and nothing is asked of the sender.
 *
 * <p>Not thread-safe: owned by one {@link ReceivePipeline}.
 */
final class OpusStage implements MediaStage {

    private final int track;
    private final FrameSink sink;
    private final OpusDepacketizer depacketizer = new OpusDepacketizer();
    private final RtpClock clock = RtpClock.opus();

    OpusStage(int track, FrameSink sink) {
        this.track = track;
        this.sink = sink;
    }

    @Override
    public void packet(RtpPayload payload, long arrivalMicros) {
        depacketizer.depacketize(payload)
            .ifPresent(opus -> sink.frame(opus.toFrame(track, clock, arrivalMicros), arrivalMicros));
    }

    @Override
    public void gap() {
        // nothing to repair: the next packet decodes on its own
    }

    @Override
    public void onSenderReport(long ntpEpochMicros, long rtpTimestamp) {
        clock.onSenderReport(ntpEpochMicros, rtpTimestamp);
    }

    @Override
    public Optional<RtcpPacket> feedback(long nowMicros) {
        return Optional.empty();
    }

    @Override
    public DropCounters drops() {
        return depacketizer.counters();
    }
}
