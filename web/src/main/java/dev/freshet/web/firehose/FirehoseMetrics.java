package dev.freshet.web.firehose;

import dev.freshet.delivery.catalog.IntakeMetrics;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * The delivery streams' intake in {@code /metrics}, named after the service's CloudWatch metrics:
 * {@code freshet_firehose_incoming_records_total}, {@code freshet_firehose_incoming_bytes_total}
 * and {@code freshet_firehose_throttled_records_total}, each by {@code delivery_stream}. Request
 * counts and latencies of PutRecord and PutRecordBatch are in {@code freshet_request_duration_seconds}
 * like every operation's.
 *
 * <p>Thread-safe.
 */
final class FirehoseMetrics implements IntakeMetrics {

    private final Counter incomingRecords;
    private final Counter incomingBytes;
    private final Counter throttledRecords;

    FirehoseMetrics(PrometheusRegistry registry) {
        incomingRecords = counter(registry, "freshet_firehose_incoming_records_total",
            "Records accepted by PutRecord and PutRecordBatch (IncomingRecords)");
        incomingBytes = counter(registry, "freshet_firehose_incoming_bytes_total",
            "Payload bytes accepted by PutRecord and PutRecordBatch (IncomingBytes)");
        throttledRecords = counter(registry, "freshet_firehose_throttled_records_total",
            "Records refused because the delivery stream could not take them (ThrottledRecords)");
    }

    @Override
    public void incoming(String stream, int records, long bytes) {
        incomingRecords.labelValues(stream).inc(records);
        incomingBytes.labelValues(stream).inc(bytes);
    }

    @Override
    public void throttled(String stream, int records) {
        throttledRecords.labelValues(stream).inc(records);
    }

    private static Counter counter(PrometheusRegistry registry, String name, String help) {
        return Counter.builder().name(name).help(help).labelNames("delivery_stream").withoutExemplars().register(registry);
    }
}
