package dev.freshet.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the video and WebRTC generators print at the end: clauses joined into one sentence for
 * people, then the fields as a one-line JSON object for scripts, in insertion order. Doubles are
 * rounded to 3 decimals; latencies come from microsecond histograms and are given in milliseconds.
 *
 * <p>Not thread-safe: filled in by one thread once the run is over.
 */
public final class ReportLine {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Object> fields = new LinkedHashMap<>();
    private final List<String> clauses = new ArrayList<>();

    /** Sets a field; a double is rounded. */
    public void put(String name, Object value) {
        fields.put(name, value instanceof Double d ? round(d) : value);
    }

    public Object get(String name) {
        return fields.get(name);
    }

    public void clause(String text) {
        clauses.add(text);
    }

    /** Count, min, p50, p90, p99 and max of {@code micros} under {@code prefix}. */
    public void latencies(String prefix, Histogram micros) {
        put(prefix + "Count", micros.getTotalCount());
        put(prefix + "MinMs", micros.getTotalCount() == 0 ? 0.0 : micros.getMinValue() / 1e3);
        put(prefix + "P50Ms", millis(micros, 50));
        put(prefix + "P90Ms", millis(micros, 90));
        put(prefix + "P99Ms", millis(micros, 99));
        put(prefix + "MaxMs", maxMillis(micros));
    }

    /** Prints the sentence (the clauses so far) and the JSON line. */
    public void print() {
        System.out.println(String.join("; ", clauses) + ".");
        try {
            System.out.println(JSON.writeValueAsString(fields));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The latency at {@code percentile} in milliseconds, 0 when nothing was recorded. */
    public static double millis(Histogram micros, double percentile) {
        return micros.getTotalCount() == 0 ? 0 : micros.getValueAtPercentile(percentile) / 1e3;
    }

    public static double maxMillis(Histogram micros) {
        return micros.getTotalCount() == 0 ? 0 : micros.getMaxValue() / 1e3;
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
