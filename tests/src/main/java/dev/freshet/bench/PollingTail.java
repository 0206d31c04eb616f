package dev.freshet.bench;

import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * GetRecords pollers, one thread per shard, paced like the KCL's polling retrieval: before each call
 * a poller sleeps what is left of {@code pollMillis} since the previous call returned, whether or
 * not that call brought records (the KCL's {@code idleTimeBetweenReadsInMillis}, 1,500 ms by
 * default; we use a small value so the server, not the pacing, dominates). Iterators start at
 * LATEST before the producer begins; a poller stops at the end of a closed shard. After a failed call
 * it waits 100 ms and takes a new iterator after the last record it got.
 *
 * <p>Thread-safe.
 */
final class PollingTail implements Tail {

    private static final int LIMIT = 10_000;

    private final KinesisClient client;
    private final String stream;
    private final List<String> shards;
    private final long pollNanos;
    private final LatencySink sink;
    private final LongAdder errors = new LongAdder();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;

    PollingTail(KinesisClient client, String stream, List<String> shards, int pollMillis, LatencySink sink) {
        this.client = client;
        this.stream = stream;
        this.shards = shards;
        this.pollNanos = TimeUnit.MILLISECONDS.toNanos(pollMillis);
        this.sink = sink;
    }

    @Override
    public void start() {
        for (String shard : shards) {
            String iterator = iterator(shard, null);
            Thread thread = new Thread(() -> poll(shard, iterator), "poll-" + shard);
            threads.add(thread);
            thread.start();
        }
    }

    @Override
    public long errors() {
        return errors.sum();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        for (Thread thread : threads) {
            thread.join();
        }
    }

    private void poll(String shard, String firstIterator) {
        String iterator = firstIterator;
        String lastSequence = null;
        long lastReturned = System.nanoTime();
        while (running) {
            pause(pollNanos - (System.nanoTime() - lastReturned));
            try {
                if (iterator == null) {
                    iterator = iterator(shard, lastSequence);
                }
                String current = iterator;
                GetRecordsResponse response = client.getRecords(b -> b.shardIterator(current).limit(LIMIT));
                lastReturned = System.nanoTime();
                for (Record record : response.records()) {
                    sink.accept(record.data().asByteBuffer(), lastReturned);
                    lastSequence = record.sequenceNumber();
                }
                iterator = response.nextShardIterator();
                if (iterator == null) {
                    return;
                }
            } catch (RuntimeException e) {
                errors.increment();
                System.err.println("GetRecords on " + shard + " failed: " + e);
                iterator = null;
                lastReturned = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
            }
        }
    }

    /** A new iterator after {@code lastSequence}, or at LATEST when nothing was read yet. */
    private String iterator(String shard, String lastSequence) {
        return client.getShardIterator(b -> {
            b.streamName(stream).shardId(shard);
            if (lastSequence == null) {
                b.shardIteratorType(ShardIteratorType.LATEST);
            } else {
                b.shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER).startingSequenceNumber(lastSequence);
            }
        }).shardIterator();
    }

    private static void pause(long nanos) {
        if (nanos > 0) {
            LockSupport.parkNanos(nanos);
        }
    }
}
