package dev.freshet.datastreams.kinesis;

import dev.freshet.datastreams.kinesis.internal.HashKeys;
import dev.freshet.datastreams.log.internal.FileLogEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Kinesis services in-process, on a real log engine, with a clock the test moves. */
class DataStreamsTest {

    @TempDir
    Path dir;
    final AtomicLong now = new AtomicLong(1_800_000_000_000L);
    final InstantSource clock = new InstantSource() {
        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(now.get());
        }
    };
    FileLogEngine engine;
    DataStreams kinesis;

    @BeforeEach
    void start() {
        engine = new FileLogEngine(dir.resolve("logs"), clock, Duration.ofHours(1));
        KinesisSettings settings = KinesisSettings.defaults().withTransitionDelay(Duration.ZERO).withClock(clock);
        kinesis = new DataStreams(settings, engine, dir.resolve("meta"), StreamMetrics.NONE);
    }

    @AfterEach
    void stop() {
        kinesis.close();
        engine.close();
    }

    @Test
    void routesByMd5OfThePartitionKeyAndReadsBack() {
        create("s", 4);
        var put = kinesis.writer().putRecord(StreamRef.named("s"), entry("user-42", "hello"), null);

        BigInteger hash = HashKeys.ofPartitionKey("user-42");
        ShardDescription owner = describe("s").shards().stream()
            .filter(s -> new BigInteger(s.startingHashKey()).compareTo(hash) <= 0 && new BigInteger(s.endingHashKey()).compareTo(hash) >= 0)
            .findFirst().orElseThrow();
        assertThat(put.shardId()).isEqualTo(owner.shardId());
        GetRecordsResult read = kinesis.reader().getRecords(iterator("s", put.shardId(), "TRIM_HORIZON", null), null, null);
        assertThat(read.records()).singleElement().satisfies(r -> {
            assertThat(r.sequenceNumber()).isEqualTo(put.sequenceNumber());
            assertThat(new String(r.data(), StandardCharsets.UTF_8)).isEqualTo("hello");
            assertThat(r.arrivalMillis()).isEqualTo(now.get());
        });
        assertThat(read.millisBehindLatest()).isZero();
        assertThat(read.nextShardIterator()).isNotNull();
    }

    @Test
    void iteratorsPositionBySequenceNumberAndTimestamp() {
        create("s", 1);
        List<String> sequences = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            sequences.add(kinesis.writer().putRecord(StreamRef.named("s"), entry("k", "r" + i), null).sequenceNumber());
            now.addAndGet(1000);
        }
        assertThat(texts(kinesis.reader().getRecords(iterator("s", "shardId-000000000000", "AT_SEQUENCE_NUMBER", sequences.get(2)), null, null)))
            .containsExactly("r2", "r3", "r4");
        assertThat(texts(kinesis.reader().getRecords(iterator("s", "shardId-000000000000", "AFTER_SEQUENCE_NUMBER", sequences.get(2)), null, null)))
            .containsExactly("r3", "r4");
        String atTime = kinesis.reader().getShardIterator(new RecordReader.IteratorRequest(StreamRef.named("s"),
            "shardId-000000000000", "AT_TIMESTAMP", null, Instant.ofEpochMilli(now.get() - 2500)));
        assertThat(texts(kinesis.reader().getRecords(atTime, null, null))).containsExactly("r3", "r4");
        assertThat(texts(kinesis.reader().getRecords(iterator("s", "shardId-000000000000", "LATEST", null), null, null))).isEmpty();
    }

    @Test
    void iteratorsExpireAndCannotBeForged() {
        create("s", 1);
        String iterator = iterator("s", "shardId-000000000000", "TRIM_HORIZON", null);
        String forged = iterator.substring(0, 20) + (iterator.charAt(20) == 'A' ? 'B' : 'A') + iterator.substring(21);

        assertThatThrownBy(() -> kinesis.reader().getRecords(forged, null, null))
            .isInstanceOfSatisfying(KinesisException.class, e -> assertThat(e.type()).isEqualTo(KinesisErrorType.INVALID_ARGUMENT));
        now.addAndGet(Duration.ofMinutes(5).toMillis() + 1);
        assertThatThrownBy(() -> kinesis.reader().getRecords(iterator, null, null))
            .isInstanceOfSatisfying(KinesisException.class, e -> assertThat(e.type()).isEqualTo(KinesisErrorType.EXPIRED_ITERATOR));
    }

    @Test
    void readersFollowingTheLineageSeeEachKeyInOrderAcrossReshards() {
        create("s", 2);
        Map<String, List<String>> written = new HashMap<>();
        int counter = 0;
        for (int round = 0; round < 4; round++) {
            for (int i = 0; i < 50; i++, counter++) {
                String key = "key-" + (counter % 13);
                kinesis.writer().putRecord(StreamRef.named("s"), entry(key, key + ":" + counter), null);
                written.computeIfAbsent(key, k -> new ArrayList<>()).add(key + ":" + counter);
            }
            now.addAndGet(10);
            switch (round) {
                case 0 -> kinesis.resharding().updateShardCount(StreamRef.named("s"), 3);
                case 1 -> kinesis.resharding().split(StreamRef.named("s"), openShards("s").get(0).shardId(),
                    new BigInteger(openShards("s").get(0).startingHashKey()).add(BigInteger.TEN.pow(30)).toString());
                case 2 -> kinesis.resharding().merge(StreamRef.named("s"), openShards("s").get(0).shardId(), openShards("s").get(1).shardId());
                default -> { }
            }
        }

        Map<String, List<String>> read = readAllFollowingLineage("s");
        assertThat(read).isEqualTo(written);
    }

    @Test
    void updateShardCountEndsWithUniformRanges() {
        create("s", 3);
        var result = kinesis.resharding().updateShardCount(StreamRef.named("s"), 5);

        assertThat(result.currentShardCount()).isEqualTo(3);
        List<ShardDescription> open = openShards("s").stream()
            .sorted(java.util.Comparator.comparing(d -> new BigInteger(d.startingHashKey()))).toList();
        assertThat(open).hasSize(5);
        for (int i = 0; i < 5; i++) {
            assertThat(open.get(i).startingHashKey()).isEqualTo(HashKeys.uniformStart(i, 5).toString());
        }
        assertThatThrownBy(() -> kinesis.resharding().updateShardCount(StreamRef.named("s"), 11))
            .isInstanceOfSatisfying(KinesisException.class, e -> assertThat(e.type()).isEqualTo(KinesisErrorType.INVALID_ARGUMENT));
    }

    @Test
    void aClosedShardEndsWithChildShardsAndNoNextIterator() {
        create("s", 1);
        kinesis.writer().putRecord(StreamRef.named("s"), entry("a", "before"), null);
        String iterator = iterator("s", "shardId-000000000000", "TRIM_HORIZON", null);
        kinesis.resharding().split(StreamRef.named("s"), "shardId-000000000000", HashKeys.MAX.shiftRight(1).toString());

        GetRecordsResult last = kinesis.reader().getRecords(iterator, null, null);
        assertThat(texts(last)).containsExactly("before");
        assertThat(last.nextShardIterator()).isNull();
        assertThat(last.childShards()).extracting(ChildShard::shardId).containsExactly("shardId-000000000001", "shardId-000000000002");
        ShardDescription parent = describe("s").shards().get(0);
        assertThat(parent.endingSequenceNumber()).isNotNull();
        assertThatThrownBy(() -> kinesis.resharding().split(StreamRef.named("s"), "shardId-000000000000", "100"))
            .isInstanceOfSatisfying(KinesisException.class, e -> assertThat(e.type()).isEqualTo(KinesisErrorType.RESOURCE_IN_USE));
    }

    @Test
    void listShardsFilters() {
        create("s", 2);
        now.addAndGet(60_000);
        long beforeSplit = now.get();
        now.addAndGet(60_000);
        kinesis.resharding().split(StreamRef.named("s"), "shardId-000000000000", HashKeys.MAX.shiftRight(2).toString());

        assertThat(ids(filter("AT_LATEST", null, null))).containsExactly("shardId-000000000001", "shardId-000000000002", "shardId-000000000003");
        assertThat(ids(filter("AT_TRIM_HORIZON", null, null))).containsExactly("shardId-000000000000", "shardId-000000000001");
        assertThat(ids(filter("FROM_TRIM_HORIZON", null, null))).hasSize(4);
        assertThat(ids(filter("AT_TIMESTAMP", null, Instant.ofEpochMilli(beforeSplit)))).containsExactly("shardId-000000000000", "shardId-000000000001");
        assertThat(ids(filter("FROM_TIMESTAMP", null, Instant.ofEpochMilli(now.get() + 1)))).containsExactly(
            "shardId-000000000001", "shardId-000000000002", "shardId-000000000003");
        assertThat(ids(filter("AFTER_SHARD_ID", "shardId-000000000001", null))).containsExactly("shardId-000000000002", "shardId-000000000003");
    }

    @Test
    void listShardsPagesWithTokens() {
        create("s", 7);
        Page<ShardDescription> first = kinesis.shards().list(new ShardListing.ListShardsRequest(StreamRef.named("s"), null, null, 3, null, null));
        Page<ShardDescription> second = kinesis.shards().list(new ShardListing.ListShardsRequest(new StreamRef(null, null), first.nextToken(), null, 3, null, null));
        Page<ShardDescription> third = kinesis.shards().list(new ShardListing.ListShardsRequest(new StreamRef(null, null), second.nextToken(), null, 3, null, null));

        assertThat(ids(first)).containsExactly("shardId-000000000000", "shardId-000000000001", "shardId-000000000002");
        assertThat(ids(second)).containsExactly("shardId-000000000003", "shardId-000000000004", "shardId-000000000005");
        assertThat(ids(third)).containsExactly("shardId-000000000006");
        assertThat(third.nextToken()).isNull();
        now.addAndGet(301_000);
        assertThatThrownBy(() -> kinesis.shards().list(new ShardListing.ListShardsRequest(new StreamRef(null, null), first.nextToken(), null, 3, null, null)))
            .isInstanceOfSatisfying(KinesisException.class, e -> assertThat(e.type()).isEqualTo(KinesisErrorType.EXPIRED_NEXT_TOKEN));
    }

    @Test
    void metadataAndRecordsSurviveARestart() {
        create("s", 2);
        var put = kinesis.writer().putRecord(StreamRef.named("s"), entry("k", "kept"), null);
        kinesis.tags().addToStream(StreamRef.named("s"), Map.of("team", "media"));
        String iterator = iterator("s", put.shardId(), "TRIM_HORIZON", null);
        stop();
        start();

        assertThat(describe("s").shards()).hasSize(2);
        assertThat(kinesis.tags().listForStream(StreamRef.named("s"), null, null).tags()).containsExactly(Map.entry("team", "media"));
        assertThat(texts(kinesis.reader().getRecords(iterator, null, null))).containsExactly("kept");
    }

    @Test
    void streamStatusesMoveThroughTheirPhases() {
        stop();
        engine = new FileLogEngine(dir.resolve("logs"), clock, Duration.ofHours(1));
        kinesis = new DataStreams(KinesisSettings.defaults().withTransitionDelay(Duration.ofMillis(500)).withClock(clock),
            engine, dir.resolve("meta"), StreamMetrics.NONE);
        create("s", 1);
        assertThat(describe("s").status()).isEqualTo("CREATING");
        assertThatThrownBy(() -> kinesis.writer().putRecord(StreamRef.named("s"), entry("k", "v"), null))
            .isInstanceOfSatisfying(KinesisException.class, e -> assertThat(e.type()).isEqualTo(KinesisErrorType.RESOURCE_NOT_FOUND));
        now.addAndGet(500);
        assertThat(describe("s").status()).isEqualTo("ACTIVE");
        kinesis.streams().delete(StreamRef.named("s"), false);
        assertThat(describe("s").status()).isEqualTo("DELETING");
        now.addAndGet(500);
        assertThatThrownBy(() -> describe("s"))
            .isInstanceOfSatisfying(KinesisException.class, e -> assertThat(e.type()).isEqualTo(KinesisErrorType.RESOURCE_NOT_FOUND));
    }

    @Test
    void aSubscriptionWaitsForNewRecordsAndEndsWithChildShardsWhenItsShardCloses() {
        create("s", 1);
        ConsumerDescription consumer = kinesis.consumers().register(describe("s").arn(), "app", null);
        ShardSubscription subscription = kinesis.subscriptions().subscribe(consumer.arn(), "shardId-000000000000",
            new Subscriptions.StartingPosition("LATEST", null, null));

        assertThat(subscription.poll(now.get())).isEmpty();
        var waiting = subscription.awaitRecords();
        assertThat(waiting).isNotDone();
        var put = kinesis.writer().putRecord(StreamRef.named("s"), entry("k", "pushed"), null);
        assertThat(waiting).isCompleted();
        SubscriptionEvent event = subscription.poll(now.get()).orElseThrow();
        assertThat(event.records()).extracting(KinesisRecord::sequenceNumber).containsExactly(put.sequenceNumber());
        assertThat(event.continuationSequenceNumber()).isEqualTo(put.sequenceNumber());
        assertThat(subscription.awaitRecords()).isNotDone();

        kinesis.resharding().split(StreamRef.named("s"), "shardId-000000000000", HashKeys.MAX.shiftRight(1).toString());
        SubscriptionEvent last = subscription.poll(now.get()).orElseThrow();
        assertThat(last.isShardEnd()).isTrue();
        assertThat(last.continuationSequenceNumber()).isNull();
        assertThat(last.childShards()).hasSize(2);
        assertThat(subscription.isEnded()).isTrue();
    }

    private Map<String, List<String>> readAllFollowingLineage(String stream) {
        Map<String, List<String>> read = new HashMap<>();
        List<ShardDescription> all = describe(stream).shards();
        List<String> done = new ArrayList<>();
        while (done.size() < all.size()) {
            for (ShardDescription shard : all) {
                boolean parentsDone = (shard.parentShardId() == null || done.contains(shard.parentShardId()))
                    && (shard.adjacentParentShardId() == null || done.contains(shard.adjacentParentShardId()));
                if (done.contains(shard.shardId()) || !parentsDone) {
                    continue;
                }
                for (String text : texts(kinesis.reader().getRecords(iterator(stream, shard.shardId(), "TRIM_HORIZON", null), null, null))) {
                    read.computeIfAbsent(text.split(":")[0], k -> new ArrayList<>()).add(text);
                }
                done.add(shard.shardId());
            }
        }
        return read;
    }

    private void create(String name, int shards) {
        kinesis.streams().create(new StreamLifecycle.CreateRequest(name, shards, null, null, null, null));
    }

    private StreamDescription describe(String name) {
        return kinesis.streams().describe(StreamRef.named(name), null, null);
    }

    private List<ShardDescription> openShards(String name) {
        return describe(name).shards().stream().filter(s -> s.endingSequenceNumber() == null).toList();
    }

    private Page<ShardDescription> filter(String type, String shardId, Instant at) {
        return kinesis.shards().list(new ShardListing.ListShardsRequest(StreamRef.named("s"), null, null, null, null,
            new ShardListing.ShardFilter(type, shardId, at)));
    }

    private static List<String> ids(Page<ShardDescription> page) {
        return page.items().stream().map(ShardDescription::shardId).toList();
    }

    private String iterator(String stream, String shardId, String type, String sequence) {
        return kinesis.reader().getShardIterator(new RecordReader.IteratorRequest(StreamRef.named(stream), shardId, type, sequence, null));
    }

    private static RecordWriter.Entry entry(String key, String data) {
        return new RecordWriter.Entry(key, null, data.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> texts(GetRecordsResult result) {
        return result.records().stream().map(r -> new String(r.data(), StandardCharsets.UTF_8)).toList();
    }
}
