package dev.freshet.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The outcome of one run: a sentence for people and a one-line JSON object for scripts, both on
 * stdout. Field order is insertion order.
 *
 * <p>Not thread-safe: filled in by the main thread once the run is over.
 */
final class Report {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Object> fields = new LinkedHashMap<>();

    Report(Options options) {
        fields.put("mode", options.mode().word());
        fields.put("label", options.label());
        fields.put("endpoint", options.endpoint().toString());
        fields.put("cbor", options.cbor());
        fields.put("shards", options.shards());
        fields.put("recordBytes", options.recordBytes());
        fields.put("batch", options.batch());
        fields.put("seconds", options.seconds());
        fields.put("warmup", options.warmup());
    }

    Report put(String name, Object value) {
        fields.put(name, value instanceof Double d ? round(d) : value);
        return this;
    }

    Report latencies(LatencyHistogram histogram, String prefix) {
        put(prefix + "P50Ms", histogram.percentileMillis(50));
        put(prefix + "P90Ms", histogram.percentileMillis(90));
        put(prefix + "P99Ms", histogram.percentileMillis(99));
        put(prefix + "MaxMs", histogram.maxMillis());
        return put(prefix + "MeanMs", histogram.meanMillis());
    }

    /** Prints both lines, with the generator's own CPU time and lifetime so far (warm-up included). */
    void print(String sentence) {
        ProcessHandle.Info self = ProcessHandle.current().info();
        fields.put("generatorCpuSec", round(self.totalCpuDuration().map(d -> d.toMillis() / 1e3).orElse(-1.0)));
        fields.put("generatorWallSec", round(self.startInstant()
            .map(start -> (System.currentTimeMillis() - start.toEpochMilli()) / 1e3).orElse(-1.0)));
        System.out.println(sentence);
        try {
            System.out.println(JSON.writeValueAsString(fields));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
