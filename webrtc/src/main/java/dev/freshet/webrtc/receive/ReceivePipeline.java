package dev.freshet.webrtc.receive;

import dev.freshet.webrtc.MalformedInputException;
import dev.freshet.webrtc.depacketize.DropCounters;
import dev.freshet.webrtc.depacketize.RtpPayload;
import dev.freshet.webrtc.rtcp.FullIntraRequest;
import dev.freshet.webrtc.rtcp.GenericNack;
import dev.freshet.webrtc.rtcp.PictureLossIndication;
import dev.freshet.webrtc.rtcp.ReceiverReport;
import dev.freshet.webrtc.rtcp.RtcpPacket;
import dev.freshet.webrtc.rtcp.SenderReport;
import dev.freshet.webrtc.rtp.RtpPacket;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The receive side of one incoming media stream (one SSRC, plus its RTX SSRC), decrypted RTP in,
 * frames and RTCP feedback out, as a chain of small nodes (after Jitsi's RtpReceiverImpl):
 *
 * <pre>
 *   onRtp ─ RTX unwrap ─ statistics ─ NACK tracking ─ reorder ─ drop padding ─ depacketize
 *         ─ [keyframe gate, video] ─ clock ─ frames
 *   tick  ─ reorder timeouts ─ receiver report + NACK + PLI/FIR ─ rtcp
 * </pre>
 *
 * <p>RTCP goes out as lists for one compound each; feedback without a report (RFC 5506 reduced
 * size, which WebRTC negotiates with {@code a=rtcp-rsize}) is sent as soon as it is due. Times are
 * microseconds of the server's epoch clock, as frames are stamped with them until a sender report
 * anchors the stream's clock.
 *
 * <p>The depacketizer is given its own sequence numbers, one per payload passed on and one per
 * skipped packet, so a padding-only packet (bandwidth probing: no payload) dropped on the way is no
 * gap to it, while a real gap still is.
 *
 * <p>Not thread-safe: call it from the stream's receive thread only (ticks included).
 */
public final class ReceivePipeline {

    /** What the pipeline itself counts; each node counts its own. */
    public enum Counter {
        RTP, RTX, FOREIGN_SSRC, PADDING_ONLY, MALFORMED_PAYLOAD, RTCP_SENT
    }

    private final ReceiveConfig config;
    private final ReceiverStatistics statistics;
    private final NackGenerator nacks;
    private final ReorderBuffer reorder;
    private final MediaStage media;
    private final Consumer<List<RtcpPacket>> rtcp;
    private final NodeCounters<Counter> counters = new NodeCounters<>(Counter.class);
    private final ReorderBuffer.Output released = new ReorderBuffer.Output() {
        @Override
        public void packet(RtpPayload payload, long arrivalMicros) {
            depacketize(payload, arrivalMicros);
        }

        @Override
        public void gap(int firstMissing, int count) {
            depacketizerSequence += count;
            media.gap();
        }
    };
    private int depacketizerSequence;
    private long nextReportMicros = Long.MIN_VALUE;

    private ReceivePipeline(ReceiveConfig config, int clockRate, MediaStage media, Consumer<List<RtcpPacket>> rtcp) {
        this.config = config;
        this.statistics = new ReceiverStatistics(config.mediaSsrc(), clockRate);
        this.nacks = new NackGenerator(config.nack());
        this.reorder = new ReorderBuffer(config.reorderWaitMicros(), config.reorderCapacity());
        this.media = media;
        this.rtcp = rtcp;
    }

    /** An H.264 stream (90 kHz); frames go to {@code frames}, RTCP compounds to {@code rtcp}. */
    public static ReceivePipeline h264(ReceiveConfig config, FrameSink frames, Consumer<List<RtcpPacket>> rtcp) {
        KeyframeRequester keyframes = new KeyframeRequester(config.keyframes(), config.localSsrc(), config.mediaSsrc());
        return new ReceivePipeline(config, 90_000, new H264Stage(config.track(), frames, keyframes), rtcp);
    }

    /** An Opus stream (48 kHz); frames go to {@code frames}, RTCP compounds to {@code rtcp}. */
    public static ReceivePipeline opus(ReceiveConfig config, FrameSink frames, Consumer<List<RtcpPacket>> rtcp) {
        return new ReceivePipeline(config, 48_000, new OpusStage(config.track(), frames), rtcp);
    }

    /** A decrypted RTP packet of the stream or its RTX stream arrived; its buffer may be reused after. */
    public void onRtp(RtpPacket packet, long arrivalMicros) {
        Optional<RtpPayload> payload = mediaPayload(packet);
        if (payload.isEmpty()) {
            return;
        }
        if (packet.ssrc() == config.mediaSsrc()) {
            statistics.onPacket(packet.sequenceNumber(), packet.timestamp(), arrivalMicros);
        }
        nacks.onPacket(payload.get().sequenceNumber(), arrivalMicros);
        reorder.push(payload.get(), arrivalMicros, released);
        // a loss just found is worth a keyframe request now, not at the next tick
        media.feedback(arrivalMicros).ifPresent(request -> send(List.of(request)));
    }

    /**
     * A sender report arrived: timing for reports, and the anchor of the stream's clock, the sender's
     * NTP time plus {@code clockOffsetMicros} (the sender's clock put on the server's).
     */
    public void onSenderReport(SenderReport report, long arrivalMicros, long clockOffsetMicros) {
        if (report.ssrc() != config.mediaSsrc()) {
            return;
        }
        statistics.onSenderReport(report, arrivalMicros);
        media.onSenderReport(report.epochMicros() + clockOffsetMicros, report.rtpTimestamp());
    }

    /** Time passes: gives up on packets waited for too long and sends the RTCP that is due. */
    public void tick(long nowMicros) {
        reorder.tick(nowMicros, released);
        List<RtcpPacket> out = new ArrayList<>(3);
        receiverReport(nowMicros).ifPresent(out::add);
        List<Integer> missing = nacks.tick(nowMicros);
        if (!missing.isEmpty()) {
            out.add(new GenericNack(config.localSsrc(), config.mediaSsrc(), missing));
        }
        media.feedback(nowMicros).ifPresent(out::add);
        if (!out.isEmpty()) {
            send(out);
        }
    }

    /** The round-trip time (from the sender's reports about us), which paces NACK retries. */
    public void setRoundTripMicros(long rttMicros) {
        nacks.setRoundTripMicros(rttMicros);
    }

    public NodeCounters<Counter> counters() {
        return counters;
    }

    public NodeCounters<ReorderBuffer.Counter> reorderCounters() {
        return reorder.counters();
    }

    public NodeCounters<NackGenerator.Counter> nackCounters() {
        return nacks.counters();
    }

    /** Keyframe request counters; empty for audio. */
    public Optional<NodeCounters<KeyframeRequester.Counter>> keyframeCounters() {
        return media instanceof H264Stage video ? Optional.of(video.keyframeCounters()) : Optional.empty();
    }

    public DropCounters depacketizerDrops() {
        return media.drops();
    }

    public ReceiverStatistics statistics() {
        return statistics;
    }

    /** The media payload of a packet of this stream, RTX unwrapped; empty for others and RTX padding. */
    private Optional<RtpPayload> mediaPayload(RtpPacket packet) {
        if (packet.ssrc() == config.mediaSsrc()) {
            counters.increment(Counter.RTP);
            return Optional.of(ReorderBuffer.payloadOf(packet));
        }
        if (packet.ssrc() == config.rtxSsrc()) {
            counters.increment(Counter.RTX);
            Optional<RtpPayload> original = Rtx.original(packet);
            if (original.isEmpty()) {
                counters.increment(Counter.PADDING_ONLY);
            }
            return original;
        }
        counters.increment(Counter.FOREIGN_SSRC);
        return Optional.empty();
    }

    private void depacketize(RtpPayload payload, long arrivalMicros) {
        if (payload.length() == 0) {
            counters.increment(Counter.PADDING_ONLY);
            return;
        }
        int sequenceNumber = depacketizerSequence & 0xFFFF;
        depacketizerSequence++;
        try {
            media.packet(new RtpPayload(sequenceNumber, payload.timestamp(), payload.marker(), payload.buffer(),
                payload.offset(), payload.length()), arrivalMicros);
        } catch (MalformedInputException e) {
            // the depacketizer has dropped the access unit; the node counters say which reason
            counters.increment(Counter.MALFORMED_PAYLOAD);
        }
    }

    private Optional<ReceiverReport> receiverReport(long nowMicros) {
        if (nowMicros < nextReportMicros) {
            return Optional.empty();
        }
        return statistics.reportBlock(nowMicros).map(block -> {
            nextReportMicros = nowMicros + config.reportIntervalMicros();
            return new ReceiverReport(config.localSsrc(), List.of(block));
        });
    }

    private void send(List<RtcpPacket> packets) {
        List<RtcpPacket> agreed = packets.stream().filter(this::agreed).toList();
        if (agreed.isEmpty()) {
            return;
        }
        counters.add(Counter.RTCP_SENT, agreed.size());
        rtcp.accept(agreed);
    }

    /** Whether the sender agreed to this kind of feedback (receiver reports need no agreement). */
    private boolean agreed(RtcpPacket packet) {
        NegotiatedFeedback feedback = config.feedback();
        if (packet instanceof GenericNack) {
            return feedback.nack();
        }
        if (packet instanceof PictureLossIndication) {
            return feedback.pli();
        }
        if (packet instanceof FullIntraRequest) {
            return feedback.fir();
        }
        return true;
    }
}
