package dev.freshet.tests.kinesis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freshet.tests.harness.Errors;
import dev.freshet.tests.harness.FreshetServer;
import dev.freshet.tests.harness.HashKeys;
import dev.freshet.tests.harness.Streams;
import dev.freshet.tests.harness.Wire;
import dev.freshet.tests.harness.WireTest;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ChildShard;
import software.amazon.awssdk.services.kinesis.model.InvalidArgumentException;
import software.amazon.awssdk.services.kinesis.model.ResourceInUseException;
import software.amazon.awssdk.services.kinesis.model.ScalingType;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.UpdateShardCountResponse;

/** SplitShard, MergeShards, UpdateShardCount: lineage, closed shards, hash ranges, the end of a closed shard. */
class ReshardingTest {
    private static final BigInteger HALF = BigInteger.TWO.pow(127);

    @RegisterExtension
    static final FreshetServer server = new FreshetServer();

    @WireTest
    void splitThenMergeRecordsLineageAndClosesParents(Wire wire) {
        KinesisClient kinesis = server.client(wire);
        String name = Streams.create(kinesis, "split-merge", 1);
        String lastInParent = Streams.put(kinesis, name, "before", "before-split").sequenceNumber();

        kinesis.splitShard(b -> b.streamName(name).shardToSplit("shardId-000000000000").newStartingHashKey(HALF.toString()));
        Streams.awaitActive(kinesis, name);
        Map<String, Shard> afterSplit = byId(Streams.shards(kinesis, name));

        Shard parent = afterSplit.get("shardId-000000000000");
        assertThat(parent.sequenceNumberRange().endingSequenceNumber()).isNotNull();
        assertThat(new BigInteger(parent.sequenceNumberRange().endingSequenceNumber()))
                .isGreaterThanOrEqualTo(new BigInteger(lastInParent));
        Shard low = afterSplit.get("shardId-000000000001");
        Shard high = afterSplit.get("shardId-000000000002");
        assertThat(List.of(low, high)).allSatisfy(child -> {
            assertThat(child.parentShardId()).isEqualTo("shardId-000000000000");
            assertThat(child.adjacentParentShardId()).isNull();
            assertThat(child.sequenceNumberRange().endingSequenceNumber()).isNull();
        });
        assertThat(HashKeys.start(low)).isZero();
        assertThat(HashKeys.end(low)).isEqualTo(HALF.subtract(BigInteger.ONE));
        assertThat(HashKeys.start(high)).isEqualTo(HALF);
        assertThat(HashKeys.end(high)).isEqualTo(HashKeys.MAX);

        kinesis.mergeShards(b -> b.streamName(name).shardToMerge(low.shardId()).adjacentShardToMerge(high.shardId()));
        Streams.awaitActive(kinesis, name);
        Map<String, Shard> afterMerge = byId(Streams.shards(kinesis, name));

        Shard merged = afterMerge.get("shardId-000000000003");
        assertThat(merged.parentShardId()).isEqualTo(low.shardId());
        assertThat(merged.adjacentParentShardId()).isEqualTo(high.shardId());
        assertThat(HashKeys.start(merged)).isZero();
        assertThat(HashKeys.end(merged)).isEqualTo(HashKeys.MAX);
        assertThat(afterMerge.get(low.shardId()).sequenceNumberRange().endingSequenceNumber()).isNotNull();
        assertThat(afterMerge.get(high.shardId()).sequenceNumberRange().endingSequenceNumber()).isNotNull();
        assertThat(Streams.openShards(kinesis, name)).extracting(Shard::shardId).containsExactly(merged.shardId());
    }

    @WireTest
    void readingAClosedShardToItsEndReturnsChildShardsAndNoNextIterator(Wire wire) {
        KinesisClient kinesis = server.client(wire);
        String name = Streams.create(kinesis, "closed-end", 1);
        Streams.put(kinesis, name, "k", "in-parent");
        kinesis.splitShard(b -> b.streamName(name).shardToSplit("shardId-000000000000").newStartingHashKey(HALF.toString()));
        Streams.awaitActive(kinesis, name);

        Streams.ReadResult read = Streams.readFrom(kinesis, Streams.iterator(kinesis, name, "shardId-000000000000",
                software.amazon.awssdk.services.kinesis.model.ShardIteratorType.TRIM_HORIZON));

        assertThat(read.records()).extracting(r -> r.data().asUtf8String()).containsExactly("in-parent");
        assertThat(read.nextIterator()).isNull();
        assertThat(read.lastPage().childShards()).extracting(ChildShard::shardId)
                .containsExactlyInAnyOrder("shardId-000000000001", "shardId-000000000002");
        assertThat(read.lastPage().childShards()).allSatisfy(
                child -> assertThat(child.parentShards()).containsExactly("shardId-000000000000"));
        ChildShard high = read.lastPage().childShards().stream()
                .filter(c -> c.shardId().equals("shardId-000000000002")).findFirst().orElseThrow();
        assertThat(high.hashKeyRange().startingHashKey()).isEqualTo(HALF.toString());
    }

    @Test
    void aClosedShardCannotBeSplitOrMergedAgain() {
        KinesisClient kinesis = server.client();
        String name = Streams.create(kinesis, "closed", 1);
        kinesis.splitShard(b -> b.streamName(name).shardToSplit("shardId-000000000000").newStartingHashKey(HALF.toString()));
        Streams.awaitActive(kinesis, name);

        assertThat(Errors.serviceError(() -> kinesis.splitShard(b -> b.streamName(name)
                .shardToSplit("shardId-000000000000").newStartingHashKey(BigInteger.TEN.toString()))))
                .isInstanceOfAny(ResourceInUseException.class, InvalidArgumentException.class);
        assertThat(Errors.serviceError(() -> kinesis.mergeShards(b -> b.streamName(name)
                .shardToMerge("shardId-000000000000").adjacentShardToMerge("shardId-000000000001"))))
                .isInstanceOfAny(ResourceInUseException.class, InvalidArgumentException.class);
        assertThat(Streams.shards(kinesis, name)).hasSize(3);
    }

    @Test
    void splitOutsideTheShardsRangeOrMergingNonAdjacentShardsIsInvalid() {
        KinesisClient kinesis = server.client();
        String name = Streams.create(kinesis, "invalid-reshard", 3);

        assertThat(Errors.serviceError(() -> kinesis.splitShard(b -> b.streamName(name)
                .shardToSplit("shardId-000000000000").newStartingHashKey("0")))).isInstanceOf(InvalidArgumentException.class);
        assertThat(Errors.serviceError(() -> kinesis.splitShard(b -> b.streamName(name)
                .shardToSplit("shardId-000000000000").newStartingHashKey(HashKeys.MAX.toString()))))
                .isInstanceOf(InvalidArgumentException.class);
        assertThat(Errors.serviceError(() -> kinesis.mergeShards(b -> b.streamName(name)
                .shardToMerge("shardId-000000000000").adjacentShardToMerge("shardId-000000000002"))))
                .isInstanceOf(InvalidArgumentException.class);
        assertThat(Streams.openShards(kinesis, name)).hasSize(3);
    }

    @WireTest
    void updateShardCountScalesUniformlyUpAndDown(Wire wire) {
        KinesisClient kinesis = server.client(wire);
        String name = Streams.create(kinesis, "uniform", 2);

        UpdateShardCountResponse up = kinesis.updateShardCount(b -> b.streamName(name).targetShardCount(4)
                .scalingType(ScalingType.UNIFORM_SCALING));
        assertThat(up.currentShardCount()).isEqualTo(2);
        assertThat(up.targetShardCount()).isEqualTo(4);
        assertThat(up.streamName()).isEqualTo(name);
        Streams.awaitActive(kinesis, name);
        assertUniform(Streams.openShards(kinesis, name), 4);
        assertThat(kinesis.describeStreamSummary(b -> b.streamName(name)).streamDescriptionSummary().openShardCount())
                .isEqualTo(4);

        kinesis.updateShardCount(b -> b.streamName(name).targetShardCount(3).scalingType(ScalingType.UNIFORM_SCALING));
        Streams.awaitActive(kinesis, name);
        assertUniform(Streams.openShards(kinesis, name), 3);
    }

    @Test
    void updateShardCountBeyondDoubleOrBelowHalfIsInvalid() {
        KinesisClient kinesis = server.client();
        String name = Streams.create(kinesis, "uniform-bad", 2);

        assertThat(Errors.serviceError(() -> kinesis.updateShardCount(b -> b.streamName(name).targetShardCount(5)
                .scalingType(ScalingType.UNIFORM_SCALING)))).isInstanceOf(InvalidArgumentException.class);
        kinesis.updateShardCount(b -> b.streamName(name).targetShardCount(4).scalingType(ScalingType.UNIFORM_SCALING));
        Streams.awaitActive(kinesis, name);
        assertThat(Errors.serviceError(() -> kinesis.updateShardCount(b -> b.streamName(name).targetShardCount(1)
                .scalingType(ScalingType.UNIFORM_SCALING)))).isInstanceOf(InvalidArgumentException.class);
    }

    /** Open shards cover the space and each is within one of an even share. */
    private static void assertUniform(List<Shard> open, int count) {
        assertThat(open).hasSize(count);
        HashKeys.assertCoverWholeSpace(open);
        BigInteger share = BigInteger.TWO.pow(128).divide(BigInteger.valueOf(count));
        BigInteger tolerance = share.divide(BigInteger.valueOf(100));
        assertThat(open).allSatisfy(s -> assertThat(HashKeys.end(s).subtract(HashKeys.start(s)).add(BigInteger.ONE)
                .subtract(share).abs()).isLessThanOrEqualTo(tolerance));
    }

    private static Map<String, Shard> byId(List<Shard> shards) {
        return shards.stream().collect(Collectors.toMap(Shard::shardId, Function.identity()));
    }
}
