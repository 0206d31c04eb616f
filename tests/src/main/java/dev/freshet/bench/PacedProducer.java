package dev.freshet.bench;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * The producer of a latency run: PutRecords calls of {@code batch} records at a fixed schedule that
 * adds up to {@code rate} records per second, from the start of the warm-up until the end of the
 * {@link Window}. Each record is stamped with the send time just before the call. Calls follow a
 * fixed schedule: after a slow call the next ones go at once until the schedule is met again, so the
 * average rate holds; more than a second behind, the schedule restarts from now. The rate reached is
 * reported. Random partition keys spread records over all shards.
 *
 * <p>Runs on one thread; the counters are safe to read from others.
 */
final class PacedProducer implements Runnable {

    private static final long MAX_LAG_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final KinesisClient client;
    private final Options options;
    private final long runId;
    private final Window window;
    private final byte[] filler;
    private final SplittableRandom random = new SplittableRandom();
    private final LongAdder sent = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final LatencyHistogram callLatency = new LatencyHistogram();

    PacedProducer(KinesisClient client, Options options, long runId, Window window) {
        this.client = client;
        this.options = options;
        this.runId = runId;
        this.window = window;
        this.filler = Payload.filler(options.recordBytes(), runId);
    }

    @Override
    public void run() {
        long interval = TimeUnit.SECONDS.toNanos(1) * options.batch() / options.rate();
        long next = System.nanoTime();
        while (!window.over(next)) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            sendOne();
            next = Math.max(next + interval, System.nanoTime() - MAX_LAG_NANOS);
        }
    }

    long sent() {
        return sent.sum();
    }

    long errors() {
        return errors.sum();
    }

    /** Duration of the PutRecords calls sent inside the window: the put part of put→readable. */
    LatencyHistogram callLatency() {
        return callLatency;
    }

    private void sendOne() {
        long sendNanos = System.nanoTime();
        List<PutRecordsRequestEntry> entries = new ArrayList<>(options.batch());
        for (int i = 0; i < options.batch(); i++) {
            entries.add(PutRecordsRequestEntry.builder()
                .partitionKey(Long.toHexString(random.nextLong()))
                .data(SdkBytes.fromByteArrayUnsafe(Payload.stamp(filler, runId, sendNanos)))
                .build());
        }
        boolean counted = window.contains(sendNanos);
        try {
            PutRecordsResponse response = client.putRecords(b -> b.streamName(options.stream()).records(entries));
            int failed = response.failedRecordCount() == null ? 0 : response.failedRecordCount();
            if (counted) {
                callLatency.recordNanos(System.nanoTime() - sendNanos);
                sent.add(entries.size() - failed);
                errors.add(failed);
            }
        } catch (RuntimeException e) {
            if (counted) {
                errors.increment();
            }
            System.err.println("PutRecords failed: " + e);
        }
    }
}
