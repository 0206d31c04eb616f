package dev.freshet.bench;

import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.SubscribeToShardEvent;
import software.amazon.awssdk.services.kinesis.model.SubscribeToShardEventStream;
import software.amazon.awssdk.services.kinesis.model.SubscribeToShardResponseHandler;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The reader of one shard in a {@link FanOutTail}, across its successive subscriptions: hands each
 * event's records to the {@link LatencySink} with the event's arrival time, remembers the
 * continuation sequence number to resume from, and notices the end of a closed shard. Events are
 * requested one at a time.
 *
 * <p>Thread-safe: SDK threads deliver, the tail's thread renews and cancels.
 */
final class ShardSubscriber {

    private final String shardId;
    private final LatencySink sink;
    private final CountDownLatch firstResponse = new CountDownLatch(1);
    private volatile String continuation;
    private volatile boolean shardEnd;
    private volatile Subscription current;

    ShardSubscriber(String shardId, LatencySink sink) {
        this.shardId = shardId;
        this.sink = sink;
    }

    String shardId() {
        return shardId;
    }

    String continuation() {
        return continuation;
    }

    boolean atShardEnd() {
        return shardEnd;
    }

    boolean awaitFirstResponse(long millis) throws InterruptedException {
        return firstResponse.await(millis, TimeUnit.MILLISECONDS);
    }

    void cancel() {
        Subscription subscription = current;
        if (subscription != null) {
            subscription.cancel();
        }
    }

    /** A handler for one new SubscribeToShard call. */
    SubscribeToShardResponseHandler handler() {
        return SubscribeToShardResponseHandler.builder()
            .onResponse(response -> firstResponse.countDown())
            .onEventStream(publisher -> publisher.subscribe(new Events()))
            .build();
    }

    private void onEvent(SubscribeToShardEvent event) {
        long now = System.nanoTime();
        for (Record record : event.records()) {
            sink.accept(record.data().asByteBuffer(), now);
        }
        if (event.continuationSequenceNumber() != null) {
            continuation = event.continuationSequenceNumber();
        } else if (event.hasChildShards() && !event.childShards().isEmpty()) {
            shardEnd = true;
        }
    }

    private final class Events implements Subscriber<SubscribeToShardEventStream> {
        private Subscription subscription;

        @Override
        public void onSubscribe(Subscription subscription) {
            this.subscription = subscription;
            current = subscription;
            subscription.request(1);
        }

        @Override
        public void onNext(SubscribeToShardEventStream event) {
            if (event instanceof SubscribeToShardEvent records) {
                onEvent(records);
            }
            subscription.request(1);
        }

        @Override
        public void onError(Throwable failure) {
            // reported through the future of subscribeToShard, which renews the subscription
        }

        @Override
        public void onComplete() {
            // likewise
        }
    }
}
