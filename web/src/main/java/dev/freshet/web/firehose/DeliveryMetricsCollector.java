package dev.freshet.web.firehose;

import dev.freshet.delivery.DeliveryEngine;
import dev.freshet.delivery.DeliveryMetrics;
import dev.freshet.delivery.DestinationKind;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Every running delivery stream's figures on {@code /metrics}, read from the engine at scrape time
 * and named after the service's CloudWatch metrics with label {@code delivery_stream}:
 * {@code DeliveryToS3.Records} is {@code freshet_firehose_delivery_to_s3_records_total}, likewise
 * {@code …_bytes_total}, {@code …_success_total} (attempts that succeeded), {@code …_attempts_total};
 * the destination's own counters ({@code DeliveryToHttpEndpoint.ProcessedRecords},
 * {@code DeliveryToRedshift.Success}, {@code DeliveryToAmazonOpenSearchService.Bytes}, …) the same
 * way; for KinesisStreamAsSource streams {@code freshet_firehose_data_read_from_kinesis_stream_records_total}
 * and {@code …_bytes_total}; {@code freshet_firehose_delivery_to_<destination>_data_freshness_seconds} (age of the oldest
 * undelivered record), {@code freshet_firehose_processing_failed_records_total},
 * {@code freshet_firehose_error_output_records_total} and {@code freshet_firehose_delivery_failing}
 * (1 while DescribeDeliveryStream shows a FailureDescription); the destination's gauges the same way
 * (dynamic partitioning's {@code PartitionCount} is {@code freshet_firehose_partition_count}, likewise
 * {@code …_partition_count_exceeded} and {@code freshet_firehose_active_partitions_limit}). Counters start
 * at 0 with the process.
 *
 * <p>Thread-safe.
 */
final class DeliveryMetricsCollector implements MultiCollector, AutoCloseable {

    private static final String PREFIX = "freshet_firehose_";
    private static final String LABEL = "delivery_stream";

    private final PrometheusRegistry registry;
    private final Supplier<Map<String, Stream>> streams;
    private final DeliveryEngine engine;

    /**
     * What the collector needs to know of a delivery stream besides its figures.
     *
     * @param destination its destination's kind
     * @param kinesisSource whether it reads a data stream (KinesisStreamAsSource)
     */
    record Stream(DestinationKind destination, boolean kinesisSource) {
    }

    /** @param streams the delivery streams by name */
    DeliveryMetricsCollector(PrometheusRegistry registry, Supplier<Map<String, Stream>> streams,
            DeliveryEngine engine) {
        this.registry = registry;
        this.streams = streams;
        this.engine = engine;
        registry.register(this);
    }

    @Override
    public MetricSnapshots collect() {
        Map<String, Map<String, Double>> counters = new TreeMap<>();
        Map<String, Map<String, Double>> gauges = new TreeMap<>();
        streams.get().forEach((stream, described) -> {
            Optional<DeliveryMetrics> found = engine.metrics(stream);
            if (found.isEmpty()) {
                return;
            }
            DeliveryMetrics metrics = found.get();
            DestinationKind kind = described.destination();
            String destination = destinationPrefix(kind);
            Map<String, Long> named = new TreeMap<>(metrics.destinationCounters());
            if (kind == DestinationKind.S3 || kind == DestinationKind.EXTENDED_S3) {
                // the S3 destinations count through the engine, not through destination counters
                named.putIfAbsent(destination + ".Records", metrics.deliveredRecords());
                named.putIfAbsent(destination + ".Bytes", metrics.deliveredBytes());
                named.putIfAbsent(destination + ".Success", metrics.successfulDeliveries());
                named.putIfAbsent(destination + ".Attempts", metrics.successfulDeliveries() + metrics.failedAttempts());
            }
            if (described.kinesisSource()) {
                // a DirectPut stream's intake is FirehoseMetrics' IncomingRecords; this is what was read
                named.put("DataReadFromKinesisStream.Records", metrics.incomingRecords());
                named.put("DataReadFromKinesisStream.Bytes", metrics.incomingBytes());
            }
            named.forEach((name, value) -> add(counters, prometheusName(name), stream, value));
            metrics.destinationGauges().forEach((name, value) -> add(gauges, prometheusName(name), stream, value));
            add(counters, PREFIX + "processing_failed_records", stream, metrics.processingFailedRecords());
            add(counters, PREFIX + "error_output_records", stream, metrics.errorOutputRecords());
            add(gauges, prometheusName(destination + ".DataFreshness") + "_seconds", stream,
                metrics.dataFreshnessMillis() / 1000.0);
            add(gauges, PREFIX + "delivery_failing", stream, metrics.failureDescription() == null ? 0 : 1);
        });
        List<MetricSnapshot> snapshots = new ArrayList<>();
        counters.forEach((name, values) -> snapshots.add(counter(name, values)));
        gauges.forEach((name, values) -> snapshots.add(gauge(name, values)));
        return new MetricSnapshots(snapshots);
    }

    private static void add(Map<String, Map<String, Double>> family, String name, String stream, double value) {
        family.computeIfAbsent(name, key -> new TreeMap<>()).put(stream, value);
    }

    private static CounterSnapshot counter(String name, Map<String, Double> values) {
        CounterSnapshot.Builder builder = CounterSnapshot.builder().name(name).help(help(name));
        values.forEach((stream, value) -> builder.dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder()
            .labels(Labels.of(LABEL, stream)).value(value).build()));
        return builder.build();
    }

    private static GaugeSnapshot gauge(String name, Map<String, Double> values) {
        GaugeSnapshot.Builder builder = GaugeSnapshot.builder().name(name).help(help(name));
        values.forEach((stream, value) -> builder.dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder()
            .labels(Labels.of(LABEL, stream)).value(value).build()));
        return builder.build();
    }

    private static String help(String name) {
        return "Delivery stream metric " + name.substring(PREFIX.length()) + " (the service's CloudWatch metric of that name)";
    }

    /** The CloudWatch namespace prefix of a destination's delivery metrics. */
    static String destinationPrefix(DestinationKind kind) {
        return switch (kind) {
            case S3, EXTENDED_S3 -> "DeliveryToS3";
            case HTTP_ENDPOINT -> "DeliveryToHttpEndpoint";
            case REDSHIFT -> "DeliveryToRedshift";
            case ELASTICSEARCH -> "DeliveryToElasticsearch";
            case AMAZON_OPENSEARCH_SERVICE -> "DeliveryToAmazonOpenSearchService";
        };
    }

    /**
     * {@code DeliveryToHttpEndpoint.ProcessedRecords} → {@code freshet_firehose_delivery_to_http_endpoint_processed_records}
     * (a counter's {@code _total} is added by the exposition).
     */
    static String prometheusName(String cloudWatchName) {
        String words = cloudWatchName.replace("OpenSearch", "Opensearch")
            .replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
        return PREFIX + words.replaceAll("[^a-z0-9_]", "_");
    }

    @Override
    public void close() {
        registry.unregister(this);
    }
}
