package dev.freshet.tests.kinesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.freshet.tests.harness.FreshetServer;
import dev.freshet.tests.harness.HashKeys;
import dev.freshet.tests.harness.Streams;
import dev.freshet.tests.harness.Wire;
import dev.freshet.tests.harness.WireTest;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.ScalingType;
import software.amazon.awssdk.services.kinesis.model.Shard;

/**
 * Per-key ordering survives resharding: keyed records are written while the stream is split, merged and
 * rescaled several times; a reader that follows the lineage (a shard only after all its parents are read
 * through, as KCL does) sees every key's records exactly once and in the order they were written.
 */
class LineageOrderingTest {
    private static final int KEYS = 24;

    @RegisterExtension
    static final FreshetServer server = new FreshetServer();

    @WireTest
    void eachKeysRecordsComeOutInWriteOrderAcrossTheLineage(Wire wire) {
        KinesisClient kinesis = server.client(wire);
        String name = Streams.create(kinesis, "lineage", 2);
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger batches = new AtomicInteger();
        CompletableFuture<Map<String, Integer>> writer =
                CompletableFuture.supplyAsync(() -> write(kinesis, name, writing, batches));

        reshard(kinesis, name, () -> awaitMoreBatches(batches, writer));
        writing.set(false);
        Map<String, Integer> written = writer.join();

        Map<String, List<Integer>> read = readFollowingLineage(kinesis, name);
        assertThat(written.values().stream().mapToInt(Integer::intValue).sum()).isGreaterThan(KEYS * 5);
        for (Map.Entry<String, Integer> key : written.entrySet()) {
            assertThat(read.get(key.getKey())).as("records of key %s in read order", key.getKey())
                    .containsExactlyElementsOf(IntStream.range(0, key.getValue()).boxed().toList());
        }
    }

    /** One writer: batches of one record per key, each carrying the key's running counter. */
    private static Map<String, Integer> write(KinesisClient kinesis, String name, AtomicBoolean writing,
            AtomicInteger batches) {
        Map<String, Integer> next = new LinkedHashMap<>();
        IntStream.range(0, KEYS).forEach(k -> next.put("key-" + k, 0));
        while (writing.get()) {
            List<PutRecordsRequestEntry> batch = next.entrySet().stream().map(e -> PutRecordsRequestEntry.builder()
                    .partitionKey(e.getKey()).data(SdkBytes.fromUtf8String(e.getKey() + "#" + e.getValue())).build())
                    .toList();
            PutRecordsResponse response = kinesis.putRecords(b -> b.streamName(name).records(batch));
            assertThat(response.failedRecordCount()).isIn(null, 0);
            next.replaceAll((key, count) -> count + 1);
            batches.incrementAndGet();
        }
        return next;
    }

    /** Lets the writer put a few more batches, so every era of the lineage holds records. */
    private static void awaitMoreBatches(AtomicInteger batches, CompletableFuture<?> writer) {
        int target = batches.get() + 3;
        await().atMost(Duration.ofSeconds(30)).until(() -> batches.get() >= target || writer.isDone());
        assertThat(writer).isNotCompletedExceptionally();
    }

    private static void reshard(KinesisClient kinesis, String name, Runnable between) {
        between.run();
        Shard first = Streams.openShards(kinesis, name).get(0);
        BigInteger middle = HashKeys.start(first).add(HashKeys.end(first)).shiftRight(1);
        kinesis.splitShard(b -> b.streamName(name).shardToSplit(first.shardId()).newStartingHashKey(middle.toString()));
        Streams.awaitActive(kinesis, name);
        between.run();
        List<Shard> open = sortedOpen(kinesis, name);
        kinesis.mergeShards(b -> b.streamName(name).shardToMerge(open.get(1).shardId())
                .adjacentShardToMerge(open.get(2).shardId()));
        Streams.awaitActive(kinesis, name);
        between.run();
        kinesis.updateShardCount(b -> b.streamName(name).targetShardCount(4).scalingType(ScalingType.UNIFORM_SCALING));
        Streams.awaitActive(kinesis, name);
        between.run();
        kinesis.updateShardCount(b -> b.streamName(name).targetShardCount(2).scalingType(ScalingType.UNIFORM_SCALING));
        Streams.awaitActive(kinesis, name);
        between.run();
    }

    /** Reads every shard, parents before children, and collects each key's counters in read order. */
    private static Map<String, List<Integer>> readFollowingLineage(KinesisClient kinesis, String name) {
        List<Shard> pending = new ArrayList<>(Streams.shards(kinesis, name));
        Set<String> done = new HashSet<>();
        Map<String, List<Integer>> perKey = new HashMap<>();
        while (!pending.isEmpty()) {
            Shard ready = pending.stream().filter(s -> parentsDone(s, done)).findFirst()
                    .orElseThrow(() -> new AssertionError("no shard whose parents are read: " + pending));
            for (Record record : Streams.readAll(kinesis, name, ready.shardId())) {
                String[] parts = record.data().asUtf8String().split("#");
                assertThat(parts[0]).isEqualTo(record.partitionKey());
                perKey.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(Integer.parseInt(parts[1]));
            }
            done.add(ready.shardId());
            pending.remove(ready);
        }
        return perKey;
    }

    private static boolean parentsDone(Shard shard, Set<String> done) {
        return (shard.parentShardId() == null || done.contains(shard.parentShardId()))
                && (shard.adjacentParentShardId() == null || done.contains(shard.adjacentParentShardId()));
    }

    private static List<Shard> sortedOpen(KinesisClient kinesis, String name) {
        return Streams.openShards(kinesis, name).stream()
                .sorted((a, b) -> HashKeys.start(a).compareTo(HashKeys.start(b))).toList();
    }
}
