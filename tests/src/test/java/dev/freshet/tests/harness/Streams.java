package dev.freshet.tests.harness;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.ListShardsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordResponse;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;

/** Small steps every scenario needs: unique names, create-and-wait, list shards, read a shard through. */
public final class Streams {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private Streams() {
    }

    /** A stream (or consumer) name no other test uses. */
    public static String uniqueName(String prefix) {
        return prefix + "-" + COUNTER.incrementAndGet() + "-" + Long.toString(
                ThreadLocalRandom.current().nextLong(1L << 40, 1L << 41), 36);
    }

    public static String arn(String streamName) {
        return "arn:aws:kinesis:" + Clients.REGION.id() + ":" + Clients.ACCOUNT_ID + ":stream/" + streamName;
    }

    /** CreateStream (provisioned) and wait until ACTIVE. */
    public static String create(KinesisClient kinesis, String prefix, int shards) {
        String name = uniqueName(prefix);
        kinesis.createStream(b -> b.streamName(name).shardCount(shards));
        awaitActive(kinesis, name);
        return name;
    }

    public static void awaitActive(KinesisClient kinesis, String name) {
        await("stream " + name + " ACTIVE").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(25))
                .until(() -> kinesis.describeStreamSummary(b -> b.streamName(name))
                        .streamDescriptionSummary().streamStatus() == StreamStatus.ACTIVE);
    }

    /** Every shard of the stream, following NextToken. */
    public static List<Shard> shards(KinesisClient kinesis, String name) {
        List<Shard> all = new ArrayList<>();
        ListShardsResponse page = kinesis.listShards(b -> b.streamName(name));
        all.addAll(page.shards());
        while (page.nextToken() != null) {
            String token = page.nextToken();
            page = kinesis.listShards(b -> b.nextToken(token));
            all.addAll(page.shards());
        }
        return all;
    }

    public static List<Shard> openShards(KinesisClient kinesis, String name) {
        return shards(kinesis, name).stream().filter(s -> s.sequenceNumberRange().endingSequenceNumber() == null)
                .toList();
    }

    public static PutRecordResponse put(KinesisClient kinesis, String name, String partitionKey, String data) {
        return kinesis.putRecord(b -> b.streamName(name).partitionKey(partitionKey).data(SdkBytes.fromUtf8String(data)));
    }

    public static String iterator(KinesisClient kinesis, String name, String shardId, ShardIteratorType type) {
        return kinesis.getShardIterator(b -> b.streamName(name).shardId(shardId).shardIteratorType(type))
                .shardIterator();
    }

    /** Reads a shard from TRIM_HORIZON to its end (closed shard) or until caught up (open shard). */
    public static List<Record> readAll(KinesisClient kinesis, String name, String shardId) {
        return readFrom(kinesis, iterator(kinesis, name, shardId, ShardIteratorType.TRIM_HORIZON)).records();
    }

    /** Reads from an iterator until the shard ends or the reader is caught up. */
    public static ReadResult readFrom(KinesisClient kinesis, String shardIterator) {
        List<Record> records = new ArrayList<>();
        String iterator = shardIterator;
        Instant deadline = Instant.now().plusSeconds(60);
        while (iterator != null && Instant.now().isBefore(deadline)) {
            String current = iterator;
            GetRecordsResponse page = kinesis.getRecords(b -> b.shardIterator(current));
            records.addAll(page.records());
            iterator = page.nextShardIterator();
            boolean caughtUp = page.records().isEmpty()
                    && (page.millisBehindLatest() == null || page.millisBehindLatest() == 0);
            if (iterator == null) {
                return new ReadResult(records, null, page);
            }
            if (caughtUp) {
                return new ReadResult(records, iterator, page);
            }
        }
        throw new AssertionError("shard not read through within 60 s");
    }

    /** What a read-through returned: the records, the iterator to go on with (null at a closed end), the last page. */
    public record ReadResult(List<Record> records, String nextIterator, GetRecordsResponse lastPage) {
    }
}
