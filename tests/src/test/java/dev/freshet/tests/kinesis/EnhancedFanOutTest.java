package dev.freshet.tests.kinesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.freshet.tests.harness.Errors;
import dev.freshet.tests.harness.FreshetServer;
import dev.freshet.tests.harness.Streams;
import dev.freshet.tests.harness.Subscription;
import dev.freshet.tests.harness.Transport;
import dev.freshet.tests.harness.Wire;
import dev.freshet.tests.harness.WireTest;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ChildShard;
import software.amazon.awssdk.services.kinesis.model.Consumer;
import software.amazon.awssdk.services.kinesis.model.ConsumerDescription;
import software.amazon.awssdk.services.kinesis.model.ConsumerStatus;
import software.amazon.awssdk.services.kinesis.model.ListStreamConsumersResponse;
import software.amazon.awssdk.services.kinesis.model.ResourceInUseException;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;
import software.amazon.awssdk.services.kinesis.model.StartingPosition;

/** Enhanced fan-out: consumer registration and SubscribeToShard over HTTP/2 (h2c) and HTTP/1.1. */
class EnhancedFanOutTest {
    private static final String SHARD = "shardId-000000000000";
    private static final Duration PUSH = Duration.ofSeconds(2);

    @RegisterExtension
    static final FreshetServer server = new FreshetServer();

    @WireTest
    void consumersAreRegisteredDescribedListedAndDeregistered(Wire wire) {
        KinesisClient kinesis = server.client(wire);
        String name = Streams.create(kinesis, "consumers", 1);
        String streamArn = Streams.arn(name);

        Consumer registered = kinesis.registerStreamConsumer(b -> b.streamARN(streamArn).consumerName("app-1")).consumer();
        assertThat(registered.consumerName()).isEqualTo("app-1");
        assertThat(registered.consumerStatus()).isIn(ConsumerStatus.CREATING, ConsumerStatus.ACTIVE);
        assertThat(registered.consumerARN()).matches(streamArn.replace(".", "\\.") + "/consumer/app-1:\\d+");
        assertThat(registered.consumerCreationTimestamp()).isCloseTo(Instant.now(), org.assertj.core.api.Assertions
                .within(60, ChronoUnit.SECONDS));
        await().atMost(Duration.ofSeconds(30)).until(() -> kinesis.describeStreamConsumer(b -> b
                .consumerARN(registered.consumerARN())).consumerDescription().consumerStatus() == ConsumerStatus.ACTIVE);
        ConsumerDescription byName = kinesis.describeStreamConsumer(b -> b.streamARN(streamArn).consumerName("app-1"))
                .consumerDescription();
        assertThat(byName.consumerARN()).isEqualTo(registered.consumerARN());
        assertThat(byName.streamARN()).isEqualTo(streamArn);

        assertThat(Errors.serviceError(() -> kinesis.registerStreamConsumer(b -> b.streamARN(streamArn)
                .consumerName("app-1")))).isInstanceOf(ResourceInUseException.class);
        Subscription.registerActiveConsumer(kinesis, name, "app-2");
        Subscription.registerActiveConsumer(kinesis, name, "app-3");
        assertThat(listAllConsumers(kinesis, streamArn)).containsExactlyInAnyOrder("app-1", "app-2", "app-3");
        assertThat(kinesis.describeStreamSummary(b -> b.streamName(name)).streamDescriptionSummary().consumerCount())
                .isEqualTo(3);

        kinesis.deregisterStreamConsumer(b -> b.consumerARN(registered.consumerARN()));
        await().atMost(Duration.ofSeconds(30)).until(() -> !listAllConsumers(kinesis, streamArn).contains("app-1"));
        assertThat(Errors.serviceError(() -> kinesis.describeStreamConsumer(b -> b.consumerARN(registered.consumerARN()))))
                .isInstanceOf(ResourceNotFoundException.class);
        kinesis.deregisterStreamConsumer(b -> b.streamARN(streamArn).consumerName("app-2"));
        await().atMost(Duration.ofSeconds(30)).until(() -> listAllConsumers(kinesis, streamArn).equals(List.of("app-3")));
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void recordsArePushedLiveAndAResubscriptionFromTheContinuationMissesNothing(Transport transport) {
        KinesisClient kinesis = server.client();
        KinesisAsyncClient async = server.async(transport);
        String name = Streams.create(kinesis, "push", 1);
        String first = Subscription.registerActiveConsumer(kinesis, name, "first");
        String second = Subscription.registerActiveConsumer(kinesis, name, "second");

        Subscription live = Subscription.start(async, first, SHARD, position(ShardIteratorType.LATEST, null));
        assertThat(live.initialResponse()).succeedsWithin(Duration.ofSeconds(10));
        List<String> sequenceNumbers = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            sequenceNumbers.add(Streams.put(kinesis, name, "k", "r" + i).sequenceNumber());
            long acked = System.nanoTime();
            int expected = i;
            await().atMost(PUSH).pollInterval(Duration.ofMillis(5)).until(() -> live.records().size() >= expected);
            assertThat(Duration.ofNanos(live.arrivalNanosOfRecord(i - 1) - acked)).isLessThan(PUSH);
        }
        assertThat(live.data()).containsExactly("r1", "r2", "r3");
        assertThat(live.records().get(2).sequenceNumber()).isEqualTo(sequenceNumbers.get(2));
        assertThat(live.events()).allSatisfy(e -> assertThat(e.millisBehindLatest()).isNotNull());
        String continuation = live.continuation();
        assertThat(new BigInteger(continuation)).isGreaterThanOrEqualTo(new BigInteger(sequenceNumbers.get(2)));
        live.cancel();

        Streams.put(kinesis, name, "k", "r4");
        Streams.put(kinesis, name, "k", "r5");
        Subscription resumed = Subscription.start(async, second, SHARD,
                position(ShardIteratorType.AFTER_SEQUENCE_NUMBER, continuation));
        await().atMost(PUSH.multipliedBy(3)).until(() -> resumed.records().size() >= 2);
        Streams.put(kinesis, name, "k", "r6");
        await().atMost(PUSH).until(() -> resumed.records().size() >= 3);
        assertThat(resumed.data()).containsExactly("r4", "r5", "r6");
        resumed.cancel();
    }

    @Test
    void aSecondSubscriptionToTheSameShardWithinFiveSecondsIsInUse() {
        KinesisClient kinesis = server.client();
        KinesisAsyncClient async = server.async(Transport.HTTP2);
        String name = Streams.create(kinesis, "in-use", 1);
        String consumer = Subscription.registerActiveConsumer(kinesis, name, "only");
        Subscription first = Subscription.start(async, consumer, SHARD, position(ShardIteratorType.TRIM_HORIZON, null));
        assertThat(first.initialResponse()).succeedsWithin(Duration.ofSeconds(10));

        Subscription second = Subscription.start(async, consumer, SHARD, position(ShardIteratorType.TRIM_HORIZON, null));

        assertThat(Errors.serviceError(() -> second.done().get(10, java.util.concurrent.TimeUnit.SECONDS)))
                .isInstanceOf(ResourceInUseException.class);
        first.cancel();
    }

    @Test
    void aSplitEndsTheSubscriptionWithChildShards() {
        KinesisClient kinesis = server.client();
        KinesisAsyncClient async = server.async(Transport.HTTP2);
        String name = Streams.create(kinesis, "fanout-split", 1);
        String consumer = Subscription.registerActiveConsumer(kinesis, name, "splitter");
        Streams.put(kinesis, name, "k", "before");
        Subscription subscription = Subscription.start(async, consumer, SHARD,
                position(ShardIteratorType.TRIM_HORIZON, null));
        await().atMost(PUSH).until(() -> subscription.records().size() >= 1);

        kinesis.splitShard(b -> b.streamName(name).shardToSplit(SHARD)
                .newStartingHashKey(BigInteger.TWO.pow(127).toString()));

        await().atMost(Duration.ofSeconds(10)).until(() -> subscription.events().stream()
                .anyMatch(e -> e.hasChildShards() && !e.childShards().isEmpty()));
        List<ChildShard> children = subscription.events().stream().filter(e -> e.hasChildShards()
                && !e.childShards().isEmpty()).findFirst().orElseThrow().childShards();
        assertThat(children).extracting(ChildShard::shardId)
                .containsExactlyInAnyOrder("shardId-000000000001", "shardId-000000000002");
        assertThat(children).allSatisfy(c -> assertThat(c.parentShards()).containsExactly(SHARD));
        assertThat(subscription.done()).succeedsWithin(Duration.ofSeconds(10));
        assertThat(subscription.data()).containsExactly("before");
    }

    @Test
    void subscribingWithAnUnknownConsumerIsNotFound() {
        KinesisClient kinesis = server.client();
        String name = Streams.create(kinesis, "no-consumer", 1);
        String unknown = Streams.arn(name) + "/consumer/ghost:1700000000";

        Subscription subscription = Subscription.start(server.async(Transport.HTTP2), unknown, SHARD,
                position(ShardIteratorType.LATEST, null));

        assertThat(Errors.serviceError(() -> subscription.done().get(10, java.util.concurrent.TimeUnit.SECONDS)))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    static StartingPosition position(ShardIteratorType type, String sequenceNumber) {
        return StartingPosition.builder().type(type).sequenceNumber(sequenceNumber).build();
    }

    private static List<String> listAllConsumers(KinesisClient kinesis, String streamArn) {
        List<String> names = new ArrayList<>();
        ListStreamConsumersResponse page = kinesis.listStreamConsumers(b -> b.streamARN(streamArn).maxResults(1));
        names.addAll(page.consumers().stream().map(Consumer::consumerName).toList());
        while (page.nextToken() != null) {
            String token = page.nextToken();
            page = kinesis.listStreamConsumers(b -> b.streamARN(streamArn).nextToken(token).maxResults(1));
            names.addAll(page.consumers().stream().map(Consumer::consumerName).toList());
        }
        return names;
    }
}
