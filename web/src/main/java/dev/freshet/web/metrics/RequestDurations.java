package dev.freshet.web.metrics;

import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The histogram {@code freshet_request_duration_seconds{service,operation,status}}: time from a
 * request's arrival to the end of its response (for a streaming response, until the stream ends).
 *
 * <p>Operation names come from clients, so the number of distinct {@code service}/{@code operation}
 * pairs is capped at {@value #MAX_OPERATIONS}; later new pairs are counted as operation
 * {@value #OVERFLOW}.
 *
 * <p>Thread-safe.
 */
public final class RequestDurations {

    public static final String NAME = "freshet_request_duration_seconds";
    static final int MAX_OPERATIONS = 500;
    static final String OVERFLOW = "other";
    private static final double[] BUCKETS_SECONDS = {
        0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300};

    private final Histogram histogram;
    private final Set<String> operations = ConcurrentHashMap.newKeySet();

    public RequestDurations(PrometheusRegistry registry) {
        histogram = Histogram.builder().name(NAME)
            .help("Time from request arrival to the end of the response")
            .labelNames("service", "operation", "status")
            .classicOnly().classicUpperBounds(BUCKETS_SECONDS)
            .withoutExemplars()
            .register(registry);
    }

    /** Records one finished request. */
    public void record(String service, String operation, int status, long durationNanos) {
        String bounded = admit(service, operation) ? operation : OVERFLOW;
        histogram.labelValues(service, bounded, Integer.toString(status)).observe(durationNanos / 1e9);
    }

    private boolean admit(String service, String operation) {
        String key = service + '.' + operation;
        if (operations.contains(key)) {
            return true;
        }
        if (operations.size() >= MAX_OPERATIONS) {
            return false;
        }
        operations.add(key);
        return true;
    }
}
