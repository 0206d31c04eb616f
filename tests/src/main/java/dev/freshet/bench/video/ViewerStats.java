package dev.freshet.bench.video;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import java.util.concurrent.atomic.LongAdder;

/**
 * What the LL-HLS viewers saw inside the measured {@link Window}: the latency of each part from the
 * capture of its earliest video frame to the end of its download (microseconds, three significant
 * digits), failed requests, and playlist reloads that brought nothing new.
 *
 * <p>Thread-safe: all viewers record into it.
 */
final class ViewerStats {

    private final Window window;
    private final Histogram partLatency = new ConcurrentHistogram(3);
    private final LongAdder errors = new LongAdder();
    private final LongAdder emptyReloads = new LongAdder();

    ViewerStats(Window window) {
        this.window = window;
    }

    void part(long downloadedNanos, long latencyMicros) {
        if (window.contains(downloadedNanos)) {
            partLatency.recordValue(Math.max(0, latencyMicros));
        }
    }

    void error(String viewer, Exception e) {
        errors.increment();
        System.err.println("viewer problem: " + viewer + ": " + e);
    }

    /** A blocking reload answered without a part the viewer had not fetched yet. */
    void emptyReload() {
        emptyReloads.increment();
    }

    Histogram partLatency() {
        return partLatency;
    }

    long errors() {
        return errors.sum();
    }

    long emptyReloads() {
        return emptyReloads.sum();
    }
}
