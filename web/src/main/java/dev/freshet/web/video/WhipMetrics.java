package dev.freshet.web.video;

import dev.freshet.signaling.whip.WhipSessions;
import dev.freshet.signaling.whip.WhipTotals;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.Collector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import java.util.List;
import java.util.function.ToLongFunction;

/**
 * The WHIP sessions on {@code /metrics}, read from {@link WhipSessions#totals} at scrape time:
 * {@code freshet_webrtc_publishers} (open now) and counters over all sessions since start.
 *
 * <p>Thread-safe.
 */
final class WhipMetrics implements AutoCloseable {

    private final PrometheusRegistry registry;
    private final List<Collector> collectors;

    WhipMetrics(PrometheusRegistry registry, WhipSessions sessions) {
        this.registry = registry;
        this.collectors = List.of(
            GaugeWithCallback.builder().name("freshet_webrtc_publishers").help("WHIP sessions open now")
                .callback(callback -> callback.call(sessions.totals().active())).register(registry),
            counter(registry, sessions, "freshet_webrtc_sessions_total", "WHIP sessions answered",
                WhipTotals::started),
            counter(registry, sessions, "freshet_webrtc_rtp_packets_total",
                "SRTP packets received that decrypted and authenticated", WhipTotals::rtpPackets),
            counter(registry, sessions, "freshet_webrtc_auth_failures_total",
                "SRTP and SRTCP packets whose authentication tag did not verify", WhipTotals::authFailures),
            counter(registry, sessions, "freshet_webrtc_frames_total",
                "Frames of WebRTC publishers handed to fragment ingest", WhipTotals::framesStored));
    }

    private static Collector counter(PrometheusRegistry registry, WhipSessions sessions, String name, String help,
                                     ToLongFunction<WhipTotals> value) {
        return CounterWithCallback.builder().name(name).help(help)
            .callback(callback -> callback.call(value.applyAsLong(sessions.totals()))).register(registry);
    }

    @Override
    public void close() {
        collectors.forEach(registry::unregister);
    }
}
