package dev.freshet.webrtc.receive;

import dev.freshet.webrtc.depacketize.DepacketizeDrop;
import dev.freshet.webrtc.depacketize.DropCounters;
import dev.freshet.webrtc.depacketize.H264AccessUnit;
import dev.freshet.webrtc.depacketize.H264Depacketizer;
import dev.freshet.webrtc.depacketize.RtpClock;
import dev.freshet.webrtc.depacketize.RtpPayload;
import dev.freshet.webrtc.rtcp.RtcpPacket;

import java.util.Optional;

/**
 * H.264 payloads to frames: depacketize, let through only from a keyframe on ({@link KeyframeGate}) —
 * and only once SPS and PPS have come, so the first frame has a CodecPrivate —
 * stamp on the 90 kHz {@link RtpClock}; every loss that damages a picture — a gap, or an access unit
 * the depacketizer dropped — closes the gate and asks for a keyframe.
 *
 * <p>Not thread-safe: owned by one {@link ReceivePipeline}.
 */
final class H264Stage implements MediaStage {

    private final int track;
    private final FrameSink sink;
    private final KeyframeRequester keyframes;
    private final H264Depacketizer depacketizer = new H264Depacketizer();
    private final KeyframeGate gate = new KeyframeGate();
    private final RtpClock clock = RtpClock.video();
    private long damagedSeen;
    private boolean haveParameterSets;

    H264Stage(int track, FrameSink sink, KeyframeRequester keyframes) {
        this.track = track;
        this.sink = sink;
        this.keyframes = keyframes;
    }

    @Override
    public void packet(RtpPayload payload, long arrivalMicros) {
        try {
            depacketizer.push(payload, unit -> emit(unit, arrivalMicros));
        } finally {
            noticeDamage();
        }
    }

    @Override
    public void gap() {
        loss();
    }

    @Override
    public void onSenderReport(long ntpEpochMicros, long rtpTimestamp) {
        clock.onSenderReport(ntpEpochMicros, rtpTimestamp);
    }

    @Override
    public Optional<RtcpPacket> feedback(long nowMicros) {
        return keyframes.poll(nowMicros);
    }

    @Override
    public DropCounters drops() {
        return depacketizer.counters();
    }

    NodeCounters<KeyframeGate.Counter> gateCounters() {
        return gate.counters();
    }

    NodeCounters<KeyframeRequester.Counter> keyframeCounters() {
        return keyframes.counters();
    }

    private void emit(H264AccessUnit unit, long arrivalMicros) {
        unit.newCodecPrivate().ifPresent(avcC -> {
            haveParameterSets = true;
            sink.codecPrivate(track, avcC);
        });
        // an access unit dropped just before this one, in the same push, breaks the chain of references
        noticeDamage();
        // a keyframe whose SPS and PPS were lost (the stream's first packet overtaken) decodes nowhere
        if (!gate.pass(unit.keyframe() && haveParameterSets)) {
            keyframes.request(gate.reason());
            return;
        }
        if (unit.keyframe()) {
            keyframes.onKeyframe(arrivalMicros);
        }
        sink.frame(unit.toFrame(track, clock, arrivalMicros), arrivalMicros);
    }

    /** The depacketizer reports damage only by counting it; a rise means a picture was lost. */
    private void noticeDamage() {
        long damaged = depacketizer.counters().get(DepacketizeDrop.DAMAGED_ACCESS_UNIT);
        if (damaged > damagedSeen) {
            damagedSeen = damaged;
            loss();
        }
    }

    private void loss() {
        gate.loss();
        keyframes.request(KeyframeRequester.Reason.LOSS);
    }
}
