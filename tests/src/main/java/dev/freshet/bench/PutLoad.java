package dev.freshet.bench;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequest;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * Put mode: {@code threads} callers, each sending PutRecords calls of {@code batch} records back
 * to back over the shared connection pool (one connection per thread). Each thread reuses one
 * request whose records have distinct partition keys, so they spread over every shard. Calls that
 * complete inside the {@link Window} are counted.
 *
 * <p>Thread-safe: the counters are written by the caller threads and read after they joined.
 */
final class PutLoad {

    private final KinesisClient client;
    private final Options options;
    private final LongAdder records = new LongAdder();
    private final LongAdder calls = new LongAdder();
    private final LongAdder failedCalls = new LongAdder();
    private final LongAdder failedRecords = new LongAdder();
    private final LatencyHistogram callLatency = new LatencyHistogram();
    private final AtomicReference<String> firstError = new AtomicReference<>();

    PutLoad(KinesisClient client, Options options) {
        this.client = client;
        this.options = options;
    }

    void run(Report report) throws InterruptedException {
        Window window = Window.after(System.nanoTime(), options.warmup(), options.seconds());
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < options.threads(); t++) {
            PutRecordsRequest request = request(t);
            Thread thread = new Thread(() -> callUntil(request, window), "put-" + t);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        summarize(report, window);
    }

    private PutRecordsRequest request(int thread) {
        List<PutRecordsRequestEntry> entries = new ArrayList<>(options.batch());
        for (int i = 0; i < options.batch(); i++) {
            byte[] data = Payload.filler(options.recordBytes(), thread * 100_000L + i);
            entries.add(PutRecordsRequestEntry.builder()
                .partitionKey("pk-" + thread + "-" + i)
                .data(SdkBytes.fromByteArrayUnsafe(data))
                .build());
        }
        return PutRecordsRequest.builder().streamName(options.stream()).records(entries).build();
    }

    private void callUntil(PutRecordsRequest request, Window window) {
        while (!window.over(System.nanoTime())) {
            long start = System.nanoTime();
            try {
                PutRecordsResponse response = client.putRecords(request);
                long end = System.nanoTime();
                if (window.contains(end)) {
                    int failed = response.failedRecordCount() == null ? 0 : response.failedRecordCount();
                    calls.increment();
                    records.add(request.records().size() - failed);
                    failedRecords.add(failed);
                    callLatency.recordNanos(end - start);
                }
            } catch (RuntimeException e) {
                if (window.contains(System.nanoTime())) {
                    failedCalls.increment();
                }
                firstError.compareAndSet(null, e.toString());
            }
        }
    }

    private void summarize(Report report, Window window) {
        double seconds = window.seconds();
        double recordsPerSecond = records.sum() / seconds;
        double megabytesPerSecond = records.sum() * (double) options.recordBytes() / 1e6 / seconds;
        double callsPerSecond = calls.sum() / seconds;
        long errors = failedCalls.sum() + failedRecords.sum();
        report.put("threads", options.threads())
            .put("records", records.sum())
            .put("recordsPerSec", recordsPerSecond)
            .put("mbPerSec", megabytesPerSecond)
            .put("callsPerSec", callsPerSecond)
            .put("failedCalls", failedCalls.sum())
            .put("failedRecords", failedRecords.sum())
            .put("errors", errors)
            .latencies(callLatency, "call")
            .put("firstError", firstError.get());
        report.print(String.format(
            "put %s: %,.0f records/s, %.1f MB/s of payload, %,.1f calls/s, %d errors; call p50 %.1f ms p99 %.1f ms"
                + " (%d threads, %d shards, %d x %d B per call, %d s after %d s warm-up, cbor=%s)",
            options.label(), recordsPerSecond, megabytesPerSecond, callsPerSecond, errors,
            callLatency.percentileMillis(50), callLatency.percentileMillis(99), options.threads(), options.shards(),
            options.batch(), options.recordBytes(), options.seconds(), options.warmup(), options.cbor()));
    }
}
