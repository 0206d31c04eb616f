package dev.freshet.bench;

import software.amazon.awssdk.services.kinesis.KinesisAsyncClient;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;
import software.amazon.awssdk.services.kinesis.model.StartingPosition;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Enhanced fan-out readers: one {@link ShardSubscriber} per shard on a registered consumer, over the
 * SDK's async client (Netty, HTTP/2). Subscriptions start at LATEST before the producer begins;
 * when one ends (the service closes them after 5 minutes) or fails, it is renewed after the last
 * continuation sequence number, at once after a normal end and after 1 s after a failure.
 *
 * <p>Thread-safe.
 */
final class FanOutTail implements Tail {

    private static final long READY_MILLIS = 30_000;

    private final KinesisAsyncClient client;
    private final String consumerArn;
    private final List<String> shards;
    private final LatencySink sink;
    private final LongAdder errors = new LongAdder();
    private final ScheduledExecutorService renewals = Executors.newSingleThreadScheduledExecutor();
    private final List<ShardSubscriber> subscribers = new ArrayList<>();
    private volatile boolean running = true;

    FanOutTail(KinesisAsyncClient client, String consumerArn, List<String> shards, LatencySink sink) {
        this.client = client;
        this.consumerArn = consumerArn;
        this.shards = shards;
        this.sink = sink;
    }

    @Override
    public void start() throws InterruptedException {
        for (String shard : shards) {
            ShardSubscriber subscriber = new ShardSubscriber(shard, sink);
            subscribers.add(subscriber);
            subscribe(subscriber);
        }
        for (ShardSubscriber subscriber : subscribers) {
            if (!subscriber.awaitFirstResponse(READY_MILLIS)) {
                throw new IllegalStateException("no SubscribeToShard response for " + subscriber.shardId());
            }
        }
    }

    @Override
    public long errors() {
        return errors.sum();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        renewals.shutdownNow();
        subscribers.forEach(ShardSubscriber::cancel);
        renewals.awaitTermination(5, TimeUnit.SECONDS);
    }

    private void subscribe(ShardSubscriber subscriber) {
        String after = subscriber.continuation();
        StartingPosition position = after == null
            ? StartingPosition.builder().type(ShardIteratorType.LATEST).build()
            : StartingPosition.builder().type(ShardIteratorType.AFTER_SEQUENCE_NUMBER).sequenceNumber(after).build();
        client.subscribeToShard(b -> b.consumerARN(consumerArn).shardId(subscriber.shardId()).startingPosition(position),
                subscriber.handler())
            .whenComplete((ignored, failure) -> renew(subscriber, failure));
    }

    private void renew(ShardSubscriber subscriber, Throwable failure) {
        if (!running) {
            return;
        }
        long delay = 0;
        if (failure != null) {
            errors.increment();
            System.err.println("subscription to " + subscriber.shardId() + " failed: " + failure);
            delay = 1_000;
        }
        if (subscriber.atShardEnd()) {
            return;
        }
        try {
            renewals.schedule(() -> subscribe(subscriber), delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closing) {
            // close() ran meanwhile
        }
    }
}
