package dev.freshet.web.video;

import dev.freshet.signaling.whep.ViewerStats;
import dev.freshet.signaling.whep.WhepSessions;
import dev.freshet.signaling.whip.PublisherStats;
import dev.freshet.signaling.whip.WhipSessions;
import dev.freshet.signaling.whip.WhipTotals;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.Collector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

/**
 * The WebRTC sessions on {@code /metrics}, read at scrape time. Over all sessions:
 * {@code freshet_webrtc_publishers} and {@code freshet_webrtc_viewers} (open now), sessions
 * answered, SRTP packets, frames stored, trickled candidates, ICE restarts, and authentication
 * failures by {@code kind} ({@code srtp}: a bad SRTP/SRTCP tag; {@code bearer}: a missing or wrong
 * token), and publishers' datagrams dropped by {@code reason} (replayed, malformed, unknown). Per stream (label {@code stream} only, so the series are as many as streams ever
 * published or watched): the publisher and its viewers now, bytes received and sent, packets lost,
 * NACKs, PLIs, FIRs and transport-wide congestion control feedback packets sent to the publisher, retransmissions served to viewers, packets slow
 * viewers dropped, and the seconds between the publisher's last two keyframes.
 *
 * <p>Thread-safe.
 */
final class WhipMetrics implements AutoCloseable {

    private static final String STREAM = "stream";

    private final PrometheusRegistry registry;
    private final WhipSessions publishers;
    private final WhepSessions viewers;
    private final List<Collector> collectors = new ArrayList<>();

    WhipMetrics(PrometheusRegistry registry, WhipSessions publishers, WhepSessions viewers, BearerTokens tokens) {
        this.registry = registry;
        this.publishers = publishers;
        this.viewers = viewers;
        totals(tokens);
        perPublishedStream();
        perWatchedStream();
    }

    private void totals(BearerTokens tokens) {
        collectors.add(GaugeWithCallback.builder().name("freshet_webrtc_publishers").help("WHIP sessions open now")
            .callback(callback -> callback.call(publishers.totals().active())).register(registry));
        collectors.add(GaugeWithCallback.builder().name("freshet_webrtc_viewers").help("WHEP sessions open now")
            .callback(callback -> callback.call(viewers.active())).register(registry));
        counter("freshet_webrtc_sessions_total", "WHIP sessions answered", () -> publishers.totals().started());
        counter("freshet_webrtc_rtp_packets_total", "SRTP packets received that decrypted and authenticated",
            () -> publishers.totals().rtpPackets());
        counter("freshet_webrtc_frames_total", "Frames of WebRTC publishers handed to fragment ingest",
            () -> publishers.totals().framesStored());
        counter("freshet_webrtc_trickle_candidates_total", "ICE candidates trickled by PATCH (WHIP and WHEP)",
            () -> publishers.patches().trickledCandidates() + viewers.patches().trickledCandidates());
        counter("freshet_webrtc_ice_restarts_total", "ICE restarts asked for by PATCH (WHIP and WHEP)",
            () -> publishers.patches().restarts() + viewers.patches().restarts());
        collectors.add(CounterWithCallback.builder().name("freshet_webrtc_auth_failures_total")
            .help("Refused for authentication: SRTP/SRTCP tags that did not verify (srtp), requests without "
                + "the stream's Bearer token (bearer)")
            .labelNames("kind").callback(callback -> {
                callback.call(publishers.totals().authFailures(), "srtp");
                callback.call(tokens.refused(), "bearer");
            }).register(registry));
        collectors.add(CounterWithCallback.builder().name("freshet_webrtc_dropped_packets_total")
            .help("Datagrams from publishers' selected pairs dropped: SRTP/SRTCP already received or too old "
                + "(replayed), too short or broken (malformed), of no protocol carried there (unknown)")
            .labelNames("reason").callback(callback -> {
                WhipTotals totals = publishers.totals();
                callback.call(totals.replayed(), "replayed");
                callback.call(totals.malformed(), "malformed");
                callback.call(totals.unknown(), "unknown");
            }).register(registry));
    }

    private void perPublishedStream() {
        collectors.add(GaugeWithCallback.builder().name("freshet_webrtc_stream_publishers")
            .help("Whether the stream has a WHIP publisher now (0 or 1)").labelNames(STREAM)
            .callback(callback -> publishers.streamStats().forEach((stream, stats) ->
                callback.call(stats.publishing() ? 1 : 0, stream))).register(registry));
        collectors.add(GaugeWithCallback.builder().name("freshet_webrtc_keyframe_interval_seconds")
            .help("Time between the WHIP publisher's last two keyframes (0 before two, or without a publisher)")
            .labelNames(STREAM).callback(callback -> publishers.streamStats().forEach((stream, stats) ->
                callback.call(stats.keyframeIntervalSeconds(), stream))).register(registry));
        publisherCounter("freshet_webrtc_received_bytes_total", "SRTP and SRTCP bytes received from the publisher",
            PublisherStats::bytesReceived);
        publisherCounter("freshet_webrtc_packets_lost_total", "RTP packets of the publisher never received",
            PublisherStats::packetsLost);
        publisherCounter("freshet_webrtc_nacks_sent_total", "Packets asked for again by NACK from the publisher",
            PublisherStats::nacksSent);
        publisherCounter("freshet_webrtc_plis_sent_total", "Picture loss indications sent to the publisher",
            PublisherStats::plisSent);
        publisherCounter("freshet_webrtc_firs_sent_total", "Full intra requests sent to the publisher",
            PublisherStats::firsSent);
        publisherCounter("freshet_webrtc_transport_feedback_total",
            "Transport-wide congestion control feedback packets sent to the publisher (with transport-cc)",
            PublisherStats::transportFeedbackSent);
    }

    private void perWatchedStream() {
        collectors.add(GaugeWithCallback.builder().name("freshet_webrtc_stream_viewers")
            .help("WHEP viewers of the stream now").labelNames(STREAM)
            .callback(callback -> viewers.streamStats().forEach((stream, stats) ->
                callback.call(stats.viewers(), stream))).register(registry));
        viewerCounter("freshet_webrtc_sent_bytes_total", "RTP bytes sent to WHEP viewers", ViewerStats::bytesSent);
        viewerCounter("freshet_webrtc_retransmissions_total", "Packets sent again for WHEP viewers' NACKs",
            ViewerStats::retransmissions);
        viewerCounter("freshet_webrtc_viewer_dropped_packets_total",
            "Packets WHEP viewers lost to a full queue (slow viewers) or a failed send", ViewerStats::dropped);
    }

    private void counter(String name, String help, LongSupplier value) {
        collectors.add(CounterWithCallback.builder().name(name).help(help)
            .callback(callback -> callback.call(value.getAsLong())).register(registry));
    }

    private void publisherCounter(String name, String help, ToLongFunction<PublisherStats> value) {
        streamCounter(name, help, () -> publishers.streamStats(), value::applyAsLong);
    }

    private void viewerCounter(String name, String help, ToLongFunction<ViewerStats> value) {
        streamCounter(name, help, () -> viewers.streamStats(), value::applyAsLong);
    }

    private <S> void streamCounter(String name, String help, Supplier<Map<String, S>> stats,
                                   ToDoubleFunction<S> value) {
        collectors.add(CounterWithCallback.builder().name(name).help(help).labelNames(STREAM)
            .callback(callback -> stats.get().forEach((stream, s) -> callback.call(value.applyAsDouble(s), stream)))
            .register(registry));
    }

    @Override
    public void close() {
        collectors.forEach(registry::unregister);
    }
}
