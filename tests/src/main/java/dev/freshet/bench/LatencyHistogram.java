package dev.freshet.bench;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Latencies recorded in microseconds with three significant digits (HdrHistogram), reported in
 * milliseconds.
 *
 * <p>Thread-safe: many consumer threads record while the report reads at the end.
 */
final class LatencyHistogram {

    private final Histogram histogram = new ConcurrentHistogram(3);

    void recordNanos(long nanos) {
        histogram.recordValue(Math.max(0, nanos / 1_000));
    }

    long count() {
        return histogram.getTotalCount();
    }

    /** The latency at {@code percentile} (0..100) in milliseconds, or 0 when nothing was recorded. */
    double percentileMillis(double percentile) {
        return count() == 0 ? 0 : histogram.getValueAtPercentile(percentile) / 1_000.0;
    }

    double maxMillis() {
        return count() == 0 ? 0 : histogram.getMaxValue() / 1_000.0;
    }

    double meanMillis() {
        return count() == 0 ? 0 : histogram.getMean() / 1_000.0;
    }
}
