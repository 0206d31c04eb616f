package dev.freshet.web.metrics;

import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * The server's metrics: one {@link PrometheusRegistry} that {@code /metrics} exposes, holding the
 * request histogram, the Kinesis stream metrics and, when asked, the JVM's own metrics. Modules
 * may register their own metrics in {@link #registry()}.
 *
 * <p>Thread-safe.
 */
public final class Metrics {

    private final PrometheusRegistry registry;
    private final RequestDurations requests;
    private final PrometheusStreamMetrics streams;

    /** Registers Freshet's own metrics in the given registry. */
    public Metrics(PrometheusRegistry registry) {
        this.registry = registry;
        this.requests = new RequestDurations(registry);
        this.streams = new PrometheusStreamMetrics(registry);
    }

    /** A fresh registry with Freshet's metrics plus JVM memory, GC, thread and class metrics. */
    public static Metrics withJvmMetrics() {
        PrometheusRegistry registry = new PrometheusRegistry();
        JvmMetrics.builder().register(registry);
        return new Metrics(registry);
    }

    public PrometheusRegistry registry() {
        return registry;
    }

    public RequestDurations requests() {
        return requests;
    }

    /** Where the Kinesis services report traffic; hand this to them. */
    public PrometheusStreamMetrics streams() {
        return streams;
    }
}
