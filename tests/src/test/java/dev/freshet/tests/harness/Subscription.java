package dev.freshet.tests.harness;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.reactivestreams.Subscriber;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ConsumerStatus;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.StartingPosition;
import software.amazon.awssdk.services.kinesis.model.SubscribeToShardEvent;
import software.amazon.awssdk.services.kinesis.model.SubscribeToShardEventStream;
import software.amazon.awssdk.services.kinesis.model.SubscribeToShardResponse;
import software.amazon.awssdk.services.kinesis.model.SubscribeToShardResponseHandler;

/**
 * One SubscribeToShard call seen from the client: the initial response, every event in arrival order
 * (with its arrival time), the end of the stream, and a way to cancel it.
 *
 * <p>Thread-safe: the SDK's event loop writes, the test thread reads.
 */
public final class Subscription {
    private final List<SubscribeToShardEvent> events = new CopyOnWriteArrayList<>();
    private final List<Long> arrivalNanos = new CopyOnWriteArrayList<>();
    private final CompletableFuture<SubscribeToShardResponse> initial = new CompletableFuture<>();
    private final CompletableFuture<org.reactivestreams.Subscription> upstream = new CompletableFuture<>();
    private CompletableFuture<Void> done;

    private Subscription() {
    }

    /** Registers a consumer and waits until it is ACTIVE; returns its ARN. */
    public static String registerActiveConsumer(KinesisClient kinesis, String streamName, String consumerName) {
        String arn = kinesis.registerStreamConsumer(b -> b.streamARN(Streams.arn(streamName)).consumerName(consumerName))
                .consumer().consumerARN();
        await("consumer " + consumerName + " ACTIVE").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> kinesis.describeStreamConsumer(b -> b.consumerARN(arn)).consumerDescription()
                        .consumerStatus() == ConsumerStatus.ACTIVE);
        return arn;
    }

    public static Subscription start(KinesisAsyncClient kinesis, String consumerArn, String shardId,
            StartingPosition position) {
        Subscription s = new Subscription();
        SubscribeToShardResponseHandler handler = SubscribeToShardResponseHandler.builder()
                .onResponse(s.initial::complete)
                .onError(s.initial::completeExceptionally)
                .onEventStream(publisher -> publisher.subscribe(s.subscriber()))
                .build();
        s.done = kinesis.subscribeToShard(b -> b.consumerARN(consumerArn).shardId(shardId).startingPosition(position),
                handler);
        s.done.whenComplete((ok, error) -> {
            if (error != null) {
                s.initial.completeExceptionally(error);
            }
        });
        return s;
    }

    public CompletableFuture<SubscribeToShardResponse> initialResponse() {
        return initial;
    }

    /** Completes when the server ends the subscription (normally or with an error). */
    public CompletableFuture<Void> done() {
        return done;
    }

    public List<SubscribeToShardEvent> events() {
        return List.copyOf(events);
    }

    public List<Record> records() {
        return events.stream().flatMap(e -> e.records().stream()).toList();
    }

    public List<String> data() {
        return records().stream().map(r -> r.data().asUtf8String()).toList();
    }

    /** System.nanoTime() when the event that carried the {@code n}-th record (0-based) arrived. */
    public long arrivalNanosOfRecord(int n) {
        int seen = 0;
        for (int i = 0; i < events.size(); i++) {
            seen += events.get(i).records().size();
            if (seen > n) {
                return arrivalNanos.get(i);
            }
        }
        throw new IllegalStateException("record " + n + " not received");
    }

    /** The ContinuationSequenceNumber of the latest event. */
    public String continuation() {
        return events.get(events.size() - 1).continuationSequenceNumber();
    }

    public void cancel() {
        upstream.thenAccept(org.reactivestreams.Subscription::cancel);
    }

    private Subscriber<SubscribeToShardEventStream> subscriber() {
        return new Subscriber<>() {
            @Override
            public void onSubscribe(org.reactivestreams.Subscription subscription) {
                upstream.complete(subscription);
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(SubscribeToShardEventStream event) {
                if (event instanceof SubscribeToShardEvent e) {
                    arrivalNanos.add(System.nanoTime());
                    events.add(e);
                }
            }

            @Override
            public void onError(Throwable t) {
                initial.completeExceptionally(t);
            }

            @Override
            public void onComplete() {
                // done completes through the SDK's future
            }
        };
    }
}
