package dev.freshet.bench;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.LongAdder;

/**
 * Where every consumer hands the records it got: records of this run sent inside the
 * {@link Window} have their put→readable latency (receive time minus send time) recorded.
 *
 * <p>Thread-safe.
 */
final class LatencySink {

    private final long runId;
    private final Window window;
    private final LatencyHistogram latency = new LatencyHistogram();
    private final LongAdder received = new LongAdder();

    LatencySink(long runId, Window window) {
        this.runId = runId;
        this.window = window;
    }

    /** One record's data, received at {@code receiveNanos} ({@link System#nanoTime()}). */
    void accept(ByteBuffer data, long receiveNanos) {
        long sent = Payload.sendNanos(data, runId);
        if (sent >= 0 && window.contains(sent)) {
            latency.recordNanos(receiveNanos - sent);
            received.increment();
        }
    }

    long received() {
        return received.sum();
    }

    LatencyHistogram latency() {
        return latency;
    }
}
