package dev.freshet.web.metrics;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.List;
import java.util.function.Predicate;

/**
 * The Kinesis metric families at one level of detail, registered under one name prefix: the
 * stream level ({@code freshet_kinesis_…}, label {@code stream}) or the shard level
 * ({@code freshet_kinesis_shard_…}, labels {@code stream}, {@code shard}). The throughput
 * family adds a {@code kind} label, {@code read} or {@code write}.
 *
 * <p>Thread-safe (the Prometheus metrics are).
 */
final class StreamFamilies {

    final Counter incomingRecords;
    final Counter incomingBytes;
    final Counter outgoingRecords;
    final Counter outgoingBytes;
    final Gauge iteratorAge;
    final Counter throughputExceeded;

    StreamFamilies(PrometheusRegistry registry, String prefix, String level, String... labelNames) {
        incomingRecords = counter(registry, prefix + "incoming_records_total",
            "Records accepted by PutRecord(s), " + level, labelNames);
        incomingBytes = counter(registry, prefix + "incoming_bytes_total",
            "Payload bytes accepted by PutRecord(s), " + level, labelNames);
        outgoingRecords = counter(registry, prefix + "outgoing_records_total",
            "Records returned by GetRecords or SubscribeToShard, " + level, labelNames);
        outgoingBytes = counter(registry, prefix + "outgoing_bytes_total",
            "Payload bytes returned by GetRecords or SubscribeToShard, " + level, labelNames);
        iteratorAge = Gauge.builder().name(prefix + "iterator_age_milliseconds")
            .help("Age of the last record returned by the latest read, " + level)
            .labelNames(labelNames).withoutExemplars().register(registry);
        throughputExceeded = counter(registry, prefix + "throughput_exceeded_total",
            "Requests refused by enforced throughput limits, " + level, append(labelNames, "kind"));
    }

    /** Drops every series whose label values the predicate accepts. */
    void removeIf(Predicate<List<String>> labels) {
        incomingRecords.removeIf(labels::test);
        incomingBytes.removeIf(labels::test);
        outgoingRecords.removeIf(labels::test);
        outgoingBytes.removeIf(labels::test);
        iteratorAge.removeIf(labels::test);
        throughputExceeded.removeIf(labels::test);
    }

    private static Counter counter(PrometheusRegistry registry, String name, String help, String... labels) {
        return Counter.builder().name(name).help(help).labelNames(labels).withoutExemplars().register(registry);
    }

    static String[] append(String[] values, String last) {
        String[] result = java.util.Arrays.copyOf(values, values.length + 1);
        result[values.length] = last;
        return result;
    }
}
