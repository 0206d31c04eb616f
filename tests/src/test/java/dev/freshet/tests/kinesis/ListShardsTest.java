package dev.freshet.tests.kinesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.freshet.tests.harness.Errors;
import dev.freshet.tests.harness.FreshetServer;
import dev.freshet.tests.harness.Streams;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.InvalidArgumentException;
import software.amazon.awssdk.services.kinesis.model.ListShardsResponse;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.ShardFilter;
import software.amazon.awssdk.services.kinesis.model.ShardFilterType;

/**
 * ListShards paging and every ShardFilter type, on one stream with a known history:
 * shard 0 alone (created at t0), split at t1 into 1 and 2, those merged at t2 into 3.
 * Instants between the events ({@code t0to1}, {@code t1to2}, {@code afterT2}) fall clearly inside each era.
 */
class ListShardsTest {
    private static final String S0 = "shardId-000000000000";
    private static final String S1 = "shardId-000000000001";
    private static final String S2 = "shardId-000000000002";
    private static final String S3 = "shardId-000000000003";

    @RegisterExtension
    static final FreshetServer server = new FreshetServer();

    private static KinesisClient kinesis;
    private static String name;
    private static Instant created;
    private static Instant t0to1;
    private static Instant t1to2;
    private static Instant afterT2;

    @BeforeAll
    static void streamWithHistory() {
        kinesis = server.client();
        name = Streams.create(kinesis, "history", 1);
        created = kinesis.describeStreamSummary(b -> b.streamName(name)).streamDescriptionSummary()
                .streamCreationTimestamp();
        t0to1 = pause();
        kinesis.splitShard(b -> b.streamName(name).shardToSplit(S0).newStartingHashKey(BigInteger.TWO.pow(127).toString()));
        Streams.awaitActive(kinesis, name);
        t1to2 = pause();
        kinesis.mergeShards(b -> b.streamName(name).shardToMerge(S1).adjacentShardToMerge(S2));
        Streams.awaitActive(kinesis, name);
        afterT2 = pause();
    }

    @Test
    void withoutFilterEveryShardIsListedInOrder() {
        assertThat(ids(kinesis.listShards(b -> b.streamName(name)))).containsExactly(S0, S1, S2, S3);
    }

    @Test
    void maxResultsAndNextTokenPageThroughTheShards() {
        List<String> seen = new ArrayList<>();
        ListShardsResponse page = kinesis.listShards(b -> b.streamName(name).maxResults(1));
        seen.addAll(ids(page));
        while (page.nextToken() != null) {
            String token = page.nextToken();
            page = kinesis.listShards(b -> b.nextToken(token).maxResults(1));
            assertThat(page.shards()).hasSizeLessThanOrEqualTo(1);
            seen.addAll(ids(page));
        }
        assertThat(seen).containsExactly(S0, S1, S2, S3);
    }

    @Test
    void nextTokenTogetherWithStreamNameIsInvalid() {
        String token = kinesis.listShards(b -> b.streamName(name).maxResults(1)).nextToken();
        assertThat(token).isNotNull();

        assertThat(Errors.serviceError(() -> kinesis.listShards(b -> b.streamName(name).nextToken(token))))
                .isInstanceOf(InvalidArgumentException.class);
    }

    @Test
    void exclusiveStartShardIdAndStreamCreationTimestampNarrowTheList() {
        assertThat(ids(kinesis.listShards(b -> b.streamName(name).exclusiveStartShardId(S1)))).containsExactly(S2, S3);
        assertThat(ids(kinesis.listShards(b -> b.streamName(name).streamCreationTimestamp(created))))
                .containsExactly(S0, S1, S2, S3);
    }

    @Test
    void afterShardIdStartsAfterTheGivenShard() {
        assertThat(filtered(ShardFilter.builder().type(ShardFilterType.AFTER_SHARD_ID).shardId(S1).build()))
                .containsExactly(S2, S3);
    }

    @Test
    void atTrimHorizonListsTheShardsOpenAtTheTrimHorizon() {
        assertThat(filtered(ShardFilter.builder().type(ShardFilterType.AT_TRIM_HORIZON).build())).containsExactly(S0);
    }

    @Test
    void fromTrimHorizonListsEveryShardWithinRetention() {
        assertThat(filtered(ShardFilter.builder().type(ShardFilterType.FROM_TRIM_HORIZON).build()))
                .containsExactly(S0, S1, S2, S3);
    }

    @Test
    void atLatestListsOnlyOpenShards() {
        assertThat(filtered(ShardFilter.builder().type(ShardFilterType.AT_LATEST).build())).containsExactly(S3);
    }

    @Test
    void atTimestampListsTheShardsOpenAtThatInstant() {
        assertThat(filtered(ShardFilter.builder().type(ShardFilterType.AT_TIMESTAMP).timestamp(t0to1).build()))
                .containsExactly(S0);
        assertThat(filtered(ShardFilter.builder().type(ShardFilterType.AT_TIMESTAMP).timestamp(t1to2).build()))
                .containsExactly(S1, S2);
        assertThat(filtered(ShardFilter.builder().type(ShardFilterType.AT_TIMESTAMP).timestamp(afterT2).build()))
                .containsExactly(S3);
    }

    @Test
    void fromTimestampListsShardsClosedAfterThatInstantAndOpenShards() {
        assertThat(filtered(ShardFilter.builder().type(ShardFilterType.FROM_TIMESTAMP).timestamp(t1to2).build()))
                .containsExactly(S1, S2, S3);
        assertThat(filtered(ShardFilter.builder().type(ShardFilterType.FROM_TIMESTAMP).timestamp(afterT2).build()))
                .containsExactly(S3);
        assertThat(filtered(ShardFilter.builder().type(ShardFilterType.FROM_TIMESTAMP).timestamp(t0to1).build()))
                .containsExactly(S0, S1, S2, S3);
    }

    private static List<String> filtered(ShardFilter filter) {
        return ids(kinesis.listShards(b -> b.streamName(name).shardFilter(filter)));
    }

    private static List<String> ids(ListShardsResponse response) {
        return response.shards().stream().map(Shard::shardId).toList();
    }

    /** Lets 150 ms pass on both sides of the returned instant, so no event shares its millisecond. */
    private static Instant pause() {
        Instant start = Instant.now();
        await().pollInterval(Duration.ofMillis(10)).until(() -> Instant.now().isAfter(start.plusMillis(150)));
        Instant middle = Instant.now();
        await().pollInterval(Duration.ofMillis(10)).until(() -> Instant.now().isAfter(middle.plusMillis(150)));
        return middle;
    }
}
