package dev.freshet.tests.kinesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import dev.freshet.tests.harness.Errors;
import dev.freshet.tests.harness.FreshetServer;
import dev.freshet.tests.harness.HashKeys;
import dev.freshet.tests.harness.Streams;
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
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.waiters.WaiterResponse;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ConsumerStatus;
import software.amazon.awssdk.services.kinesis.model.DescribeStreamResponse;
import software.amazon.awssdk.services.kinesis.model.EncryptionType;
import software.amazon.awssdk.services.kinesis.model.ListStreamsResponse;
import software.amazon.awssdk.services.kinesis.model.ResourceInUseException;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.StreamDescription;
import software.amazon.awssdk.services.kinesis.model.StreamDescriptionSummary;
import software.amazon.awssdk.services.kinesis.model.StreamMode;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;
import software.amazon.awssdk.services.kinesis.model.StreamSummary;
import software.amazon.awssdk.services.kinesis.waiters.KinesisWaiter;

/** CreateStream (provisioned, on-demand), waiters, DescribeStream paging, ListStreams, DeleteStream, UpdateStreamMode. */
class StreamLifecycleTest {
    /** Real transitions (CREATING, UPDATING, DELETING last 300 ms) so the waiters have something to wait for. */
    @RegisterExtension
    static final FreshetServer server = new FreshetServer("--stream-transition-millis", "300");

    @WireTest
    void createdProvisionedStreamBecomesActiveWithEvenHashRanges(Wire wire) {
        KinesisClient kinesis = server.client(wire);
        String name = Streams.uniqueName("lifecycle");
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        kinesis.createStream(b -> b.streamName(name).shardCount(3));

        WaiterResponse<DescribeStreamResponse> waited = waiter(kinesis).waitUntilStreamExists(b -> b.streamName(name));

        StreamDescription stream = waited.matched().response().orElseThrow().streamDescription();
        assertThat(stream.streamName()).isEqualTo(name);
        assertThat(stream.streamARN()).isEqualTo(Streams.arn(name));
        assertThat(stream.streamStatus()).isEqualTo(StreamStatus.ACTIVE);
        assertThat(stream.hasMoreShards()).isFalse();
        assertThat(stream.retentionPeriodHours()).isEqualTo(24);
        assertThat(stream.streamModeDetails().streamMode()).isEqualTo(StreamMode.PROVISIONED);
        assertThat(stream.encryptionType()).isIn(null, EncryptionType.NONE);
        assertThat(stream.enhancedMonitoring()).allSatisfy(m -> assertThat(m.shardLevelMetrics()).isEmpty());
        assertThat(stream.streamCreationTimestamp()).isBetween(before, Instant.now().plusSeconds(1));
        assertThat(stream.shards()).extracting(Shard::shardId)
                .containsExactly("shardId-000000000000", "shardId-000000000001", "shardId-000000000002");
        assertThat(stream.shards()).allSatisfy(shard -> {
            assertThat(shard.parentShardId()).isNull();
            assertThat(shard.adjacentParentShardId()).isNull();
            assertThat(shard.sequenceNumberRange().startingSequenceNumber()).matches("0|[1-9]\\d{0,128}");
            assertThat(shard.sequenceNumberRange().endingSequenceNumber()).isNull();
        });
        BigInteger width = BigInteger.TWO.pow(128).divide(BigInteger.valueOf(3));
        assertThat(stream.shards()).extracting(HashKeys::start)
                .containsExactly(BigInteger.ZERO, width, width.multiply(BigInteger.TWO));
        HashKeys.assertCoverWholeSpace(stream.shards());
    }

    @WireTest
    void onDemandStreamStartsWithFourShards(Wire wire) {
        KinesisClient kinesis = server.client(wire);
        String name = Streams.uniqueName("ondemand");
        kinesis.createStream(b -> b.streamName(name).streamModeDetails(m -> m.streamMode(StreamMode.ON_DEMAND)));
        waiter(kinesis).waitUntilStreamExists(b -> b.streamName(name));

        StreamDescriptionSummary summary = kinesis.describeStreamSummary(b -> b.streamName(name))
                .streamDescriptionSummary();
        assertThat(summary.streamModeDetails().streamMode()).isEqualTo(StreamMode.ON_DEMAND);
        assertThat(summary.openShardCount()).isEqualTo(4);
        assertThat(summary.streamARN()).isEqualTo(Streams.arn(name));
        assertThat(summary.streamCreationTimestamp()).isCloseTo(Instant.now(), within(60, ChronoUnit.SECONDS));
        HashKeys.assertCoverWholeSpace(Streams.openShards(kinesis, name));
    }

    @WireTest
    void describeStreamPagesShardsWithLimitAndExclusiveStartShardId(Wire wire) {
        KinesisClient kinesis = server.client(wire);
        String name = Streams.uniqueName("paging");
        kinesis.createStream(b -> b.streamName(name).shardCount(5));
        waiter(kinesis).waitUntilStreamExists(b -> b.streamName(name));

        List<String> seen = new ArrayList<>();
        StreamDescription page = kinesis.describeStream(b -> b.streamName(name).limit(2)).streamDescription();
        seen.addAll(page.shards().stream().map(Shard::shardId).toList());
        assertThat(page.shards()).hasSize(2);
        assertThat(page.hasMoreShards()).isTrue();
        while (page.hasMoreShards()) {
            String last = seen.get(seen.size() - 1);
            page = kinesis.describeStream(b -> b.streamName(name).limit(2).exclusiveStartShardId(last))
                    .streamDescription();
            assertThat(page.shards()).hasSizeBetween(1, 2);
            seen.addAll(page.shards().stream().map(Shard::shardId).toList());
        }
        assertThat(seen).containsExactly("shardId-000000000000", "shardId-000000000001", "shardId-000000000002",
                "shardId-000000000003", "shardId-000000000004");
    }

    @WireTest
    void listStreamsPagesWithNextTokenAndReturnsSummaries(Wire wire) {
        KinesisClient kinesis = server.client(wire);
        List<String> mine = List.of(Streams.create(kinesis, "list", 1), Streams.create(kinesis, "list", 1),
                Streams.create(kinesis, "list", 1));

        List<String> names = new ArrayList<>();
        List<StreamSummary> summaries = new ArrayList<>();
        ListStreamsResponse page = kinesis.listStreams(b -> b.limit(2));
        assertThat(page.streamNames()).hasSizeLessThanOrEqualTo(2);
        while (true) {
            names.addAll(page.streamNames());
            summaries.addAll(page.streamSummaries());
            if (!page.hasMoreStreams()) {
                break;
            }
            String token = page.nextToken();
            assertThat(token).as("NextToken while HasMoreStreams is true").isNotNull();
            page = kinesis.listStreams(b -> b.nextToken(token).limit(2));
        }
        assertThat(names).containsAll(mine).doesNotHaveDuplicates();
        assertThat(summaries).filteredOn(s -> mine.contains(s.streamName())).hasSize(3).allSatisfy(s -> {
            assertThat(s.streamARN()).isEqualTo(Streams.arn(s.streamName()));
            assertThat(s.streamStatus()).isEqualTo(StreamStatus.ACTIVE);
            assertThat(s.streamModeDetails().streamMode()).isEqualTo(StreamMode.PROVISIONED);
            assertThat(s.streamCreationTimestamp()).isCloseTo(Instant.now(), within(60, ChronoUnit.SECONDS));
        });
    }

    @WireTest
    void listStreamsAfterExclusiveStartStreamNameIsAlphabetical(Wire wire) {
        KinesisClient kinesis = server.client(wire);
        String first = Streams.create(kinesis, "alpha", 1);

        List<String> after = kinesis.listStreams(b -> b.exclusiveStartStreamName(first)).streamNames();

        assertThat(after).isSorted().allSatisfy(n -> assertThat(n).isGreaterThan(first));
    }

    @WireTest
    void deletedStreamDisappears(Wire wire) {
        KinesisClient kinesis = server.client(wire);
        String name = Streams.create(kinesis, "delete", 2);

        kinesis.deleteStream(b -> b.streamName(name));
        waiter(kinesis).waitUntilStreamNotExists(b -> b.streamName(name));

        AwsServiceException error = Errors.serviceError(() -> kinesis.describeStream(b -> b.streamName(name)));
        assertThat(error).isInstanceOf(ResourceNotFoundException.class);
        assertThat(Errors.message(error)).isEqualTo("Stream " + name + " under account 000000000000 not found.");
        assertThat(kinesis.listStreams().streamNames()).doesNotContain(name);
    }

    @Test
    void streamWithConsumersIsDeletedOnlyWithEnforceConsumerDeletion() {
        KinesisClient kinesis = server.client();
        String name = Streams.create(kinesis, "enforce", 1);
        String consumerArn = kinesis.registerStreamConsumer(b -> b.streamARN(Streams.arn(name)).consumerName("c1"))
                .consumer().consumerARN();
        await().atMost(Duration.ofSeconds(10)).until(() -> kinesis.describeStreamConsumer(b -> b.consumerARN(consumerArn))
                .consumerDescription().consumerStatus() == ConsumerStatus.ACTIVE);

        assertThat(Errors.serviceError(() -> kinesis.deleteStream(b -> b.streamName(name))))
                .isInstanceOf(ResourceInUseException.class);
        assertThat(Errors.serviceError(() -> kinesis.deleteStream(b -> b.streamName(name).enforceConsumerDeletion(false))))
                .isInstanceOf(ResourceInUseException.class);

        kinesis.deleteStream(b -> b.streamName(name).enforceConsumerDeletion(true));
        waiter(kinesis).waitUntilStreamNotExists(b -> b.streamName(name));
        assertThat(Errors.serviceError(() -> kinesis.describeStreamConsumer(b -> b.consumerARN(consumerArn))))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void updateStreamModeSwitchesBetweenProvisionedAndOnDemand() {
        KinesisClient kinesis = server.client();
        String name = Streams.create(kinesis, "mode", 2);

        kinesis.updateStreamMode(b -> b.streamARN(Streams.arn(name)).streamModeDetails(m -> m.streamMode(StreamMode.ON_DEMAND)));
        Streams.awaitActive(kinesis, name);
        assertThat(mode(kinesis, name)).isEqualTo(StreamMode.ON_DEMAND);

        kinesis.updateStreamMode(b -> b.streamARN(Streams.arn(name))
                .streamModeDetails(m -> m.streamMode(StreamMode.PROVISIONED)));
        Streams.awaitActive(kinesis, name);
        assertThat(mode(kinesis, name)).isEqualTo(StreamMode.PROVISIONED);
        assertThat(kinesis.describeStreamSummary(b -> b.streamName(name)).streamDescriptionSummary().openShardCount())
                .isPositive();
    }

    private static StreamMode mode(KinesisClient kinesis, String name) {
        return kinesis.describeStreamSummary(b -> b.streamName(name)).streamDescriptionSummary()
                .streamModeDetails().streamMode();
    }

    /** The SDK's waiters poll every 10 s by default; a user testing locally shortens that. */
    private static KinesisWaiter waiter(KinesisClient kinesis) {
        return KinesisWaiter.builder().client(kinesis)
                .overrideConfiguration(o -> o.backoffStrategyV2(BackoffStrategy.fixedDelay(Duration.ofMillis(100)))
                        .maxAttempts(300))
                .build();
    }
}
