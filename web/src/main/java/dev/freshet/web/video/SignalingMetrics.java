package dev.freshet.web.video;

import dev.freshet.signaling.channels.RefusalReason;
import dev.freshet.signaling.channels.SignalingChannels;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.Collector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Signaling channels on {@code /metrics}, read at scrape time: {@code freshet_signaling_channels},
 * {@code freshet_signaling_masters} and {@code freshet_signaling_viewers} (connected now),
 * {@code freshet_signaling_messages_relayed_total} and
 * {@code freshet_signaling_messages_refused_total{reason="…"}} (since start).
 *
 * <p>Thread-safe.
 */
final class SignalingMetrics implements AutoCloseable {

    private final PrometheusRegistry registry;
    private final List<Collector> collectors;

    SignalingMetrics(PrometheusRegistry registry, SignalingChannels channels) {
        this.registry = registry;
        this.collectors = List.of(
            GaugeWithCallback.builder().name("freshet_signaling_channels").help("Signaling channels that exist")
                .callback(callback -> callback.call(channels.count())).register(registry),
            GaugeWithCallback.builder().name("freshet_signaling_masters").help("Signaling masters connected now")
                .callback(callback -> callback.call(channels.relay().totals().masters())).register(registry),
            GaugeWithCallback.builder().name("freshet_signaling_viewers").help("Signaling viewers connected now")
                .callback(callback -> callback.call(channels.relay().totals().viewers())).register(registry),
            CounterWithCallback.builder().name("freshet_signaling_messages_relayed_total")
                .help("Signaling messages delivered to their recipient")
                .callback(callback -> callback.call(channels.relay().totals().relayed())).register(registry),
            CounterWithCallback.builder().name("freshet_signaling_messages_refused_total")
                .help("Signaling messages refused (answered with STATUS_RESPONSE), by reason").labelNames("reason")
                .callback(callback -> {
                    Map<RefusalReason, Long> refused = channels.relay().totals().refused();
                    refused.forEach((reason, count) -> callback.call(count, reason.name().toLowerCase(Locale.ROOT)));
                }).register(registry));
    }

    @Override
    public void close() {
        collectors.forEach(registry::unregister);
    }
}
