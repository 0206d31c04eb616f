package dev.freshet.bench;

import software.amazon.awssdk.services.kinesis.KinesisClient;

import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A latency run (get-tail or subscribe): readers in place first, then the {@link PacedProducer} for
 * warm-up plus measured time, then up to {@value #DRAIN_MILLIS} ms for the last records to arrive.
 * Records sent in the window but never received are reported as missing.
 *
 * <p>Not thread-safe: driven by the main thread.
 */
final class LatencyRun {

    private static final long DRAIN_MILLIS = 5_000;

    private final KinesisClient producerClient;
    private final Options options;

    LatencyRun(KinesisClient producerClient, Options options) {
        this.producerClient = producerClient;
        this.options = options;
    }

    /** Runs with the tail that {@code tailFactory} builds over the sink, then fills the report. */
    void run(Function<LatencySink, Tail> tailFactory, Report report) throws Exception {
        long runId = new SecureRandom().nextLong();
        Window window = Window.after(System.nanoTime(), options.warmup(), options.seconds());
        LatencySink sink = new LatencySink(runId, window);
        PacedProducer producer = new PacedProducer(producerClient, options, runId, window);
        try (Tail tail = tailFactory.apply(sink)) {
            tail.start();
            Thread thread = new Thread(producer, "producer");
            thread.start();
            thread.join();
            drain(sink, producer);
            summarize(report, window, sink, producer, tail.errors());
        }
    }

    private static void drain(LatencySink sink, PacedProducer producer) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DRAIN_MILLIS);
        while (sink.received() < producer.sent() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    private void summarize(Report report, Window window, LatencySink sink, PacedProducer producer, long readErrors) {
        LatencyHistogram latency = sink.latency();
        long missing = Math.max(0, producer.sent() - sink.received());
        report.put("rate", options.rate())
            .put("achievedRate", producer.sent() / window.seconds())
            .put("pollIntervalMs", options.mode() == Mode.GET_TAIL ? options.pollMillis() : null)
            .put("sent", producer.sent())
            .put("received", sink.received())
            .put("missing", missing)
            .put("putErrors", producer.errors())
            .put("readErrors", readErrors)
            .put("errors", producer.errors() + readErrors)
            .latencies(latency, "latency")
            .latencies(producer.callLatency(), "putCall");
        report.print(String.format(
            "%s %s: put->readable p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms (PutRecords call p99 %.2f ms);"
                + " %d sent, %d received,"
                + " %d missing, %d errors (%.0f of %d records/s in calls of %d x %d B, %d shards, %d s after %d s warm-up,"
                + " cbor=%s)",
            options.mode().word(), options.label(), latency.percentileMillis(50), latency.percentileMillis(90),
            latency.percentileMillis(99), latency.maxMillis(), producer.callLatency().percentileMillis(99),
            producer.sent(), sink.received(), missing,
            producer.errors() + readErrors, producer.sent() / window.seconds(), options.rate(), options.batch(), options.recordBytes(),
            options.shards(), options.seconds(), options.warmup(), options.cbor()));
    }
}
