package dev.freshet.tests.kinesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import dev.freshet.tests.harness.Errors;
import dev.freshet.tests.harness.FreshetServer;
import dev.freshet.tests.harness.Streams;
import dev.freshet.tests.harness.Wire;
import dev.freshet.tests.harness.WireTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.InvalidArgumentException;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/** GetShardIterator (all five types) and GetRecords: limits, iterators, lag, timestamps, exact bytes, errors. */
class GetRecordsTest {
    private static final String SHARD = "shardId-000000000000";

    @RegisterExtension
    static final FreshetServer server = new FreshetServer();

    @WireTest
    void everyIteratorTypeStartsWhereItShould(Wire wire) {
        KinesisClient kinesis = server.client(wire);
        String name = Streams.create(kinesis, "iterators", 1);
        String latest = Streams.iterator(kinesis, name, SHARD, ShardIteratorType.LATEST);
        List<String> sequence = new ArrayList<>();
        sequence.add(Streams.put(kinesis, name, "k", "r1").sequenceNumber());
        sequence.add(Streams.put(kinesis, name, "k", "r2").sequenceNumber());
        Instant between = afterClockMoves(Instant.now());
        awaitClockPast(between);
        sequence.add(Streams.put(kinesis, name, "k", "r3").sequenceNumber());
        sequence.add(Streams.put(kinesis, name, "k", "r4").sequenceNumber());

        assertThat(dataFrom(kinesis, Streams.iterator(kinesis, name, SHARD, ShardIteratorType.TRIM_HORIZON)))
                .containsExactly("r1", "r2", "r3", "r4");
        assertThat(dataFrom(kinesis, latest)).containsExactly("r1", "r2", "r3", "r4");
        assertThat(dataFrom(kinesis, Streams.iterator(kinesis, name, SHARD, ShardIteratorType.LATEST))).isEmpty();
        assertThat(dataFrom(kinesis, kinesis.getShardIterator(b -> b.streamName(name).shardId(SHARD)
                .shardIteratorType(ShardIteratorType.AT_SEQUENCE_NUMBER).startingSequenceNumber(sequence.get(1)))
                .shardIterator())).containsExactly("r2", "r3", "r4");
        assertThat(dataFrom(kinesis, kinesis.getShardIterator(b -> b.streamName(name).shardId(SHARD)
                .shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER).startingSequenceNumber(sequence.get(1)))
                .shardIterator())).containsExactly("r3", "r4");
        assertThat(dataFrom(kinesis, kinesis.getShardIterator(b -> b.streamName(name).shardId(SHARD)
                .shardIteratorType(ShardIteratorType.AT_TIMESTAMP).timestamp(between)).shardIterator()))
                .containsExactly("r3", "r4");
    }

    @WireTest
    void limitCapsEachResponseAndNextShardIteratorContinues(Wire wire) {
        KinesisClient kinesis = server.client(wire);
        String name = Streams.create(kinesis, "limit", 1);
        for (int i = 0; i < 10; i++) {
            Streams.put(kinesis, name, "k", "r" + i);
        }

        List<String> read = new ArrayList<>();
        String iterator = Streams.iterator(kinesis, name, SHARD, ShardIteratorType.TRIM_HORIZON);
        for (int call = 0; call < 4; call++) {
            String current = iterator;
            GetRecordsResponse page = kinesis.getRecords(b -> b.shardIterator(current).limit(3));
            assertThat(page.records()).hasSizeLessThanOrEqualTo(3);
            page.records().forEach(r -> read.add(r.data().asUtf8String()));
            iterator = page.nextShardIterator();
            assertThat(iterator).isNotNull();
        }
        assertThat(read).containsExactly("r0", "r1", "r2", "r3", "r4", "r5", "r6", "r7", "r8", "r9");
    }

    @WireTest
    void caughtUpReaderIsZeroMillisBehindAndSeesFreshArrivalTimestamps(Wire wire) {
        KinesisClient kinesis = server.client(wire);
        String name = Streams.create(kinesis, "lag", 1);
        Streams.put(kinesis, name, "k", "now");

        Streams.ReadResult result = Streams.readFrom(kinesis,
                Streams.iterator(kinesis, name, SHARD, ShardIteratorType.TRIM_HORIZON));

        assertThat(result.records()).singleElement().satisfies(r -> assertThat(r.approximateArrivalTimestamp())
                .isCloseTo(Instant.now(), within(10, ChronoUnit.SECONDS)));
        assertThat(result.lastPage().millisBehindLatest()).isZero();
        assertThat(result.nextIterator()).isNotNull();
    }

    @WireTest
    void dataAndPartitionKeysRoundTripByteForByte(Wire wire) {
        KinesisClient kinesis = server.client(wire);
        String name = Streams.create(kinesis, "bytes", 1);
        byte[] everyByte = new byte[256];
        for (int i = 0; i < 256; i++) {
            everyByte[i] = (byte) i;
        }
        byte[] random = new byte[200_000];
        new Random(42).nextBytes(random);
        String unicodeKey = "ключ-🔑-\u0000-key";

        kinesis.putRecord(b -> b.streamName(name).partitionKey(unicodeKey).data(SdkBytes.fromByteArray(everyByte)));
        kinesis.putRecord(b -> b.streamName(name).partitionKey("r").data(SdkBytes.fromByteArray(random)));

        List<Record> records = Streams.readAll(kinesis, name, SHARD);
        assertThat(records).hasSize(2);
        assertThat(records.get(0).partitionKey()).isEqualTo(unicodeKey);
        assertThat(records.get(0).data().asByteArray()).isEqualTo(everyByte);
        assertThat(records.get(1).data().asByteArray()).isEqualTo(random);
    }

    @Test
    void forgedOrGarbledIteratorsAreInvalid() {
        KinesisClient kinesis = server.client();
        String name = Streams.create(kinesis, "forged", 1);
        String real = Streams.iterator(kinesis, name, SHARD, ShardIteratorType.TRIM_HORIZON);
        int middle = real.length() / 2;
        String garbled = real.substring(0, middle) + (real.charAt(middle) == 'A' ? "BCD" : "ABC")
                + real.substring(middle + 3);

        for (String iterator : List.of("AAAAAAAAAAGsb3JlbSBpcHN1bSBkb2xvciBzaXQgYW1ldA==", garbled, "not an iterator")) {
            AwsServiceException e = Errors.serviceError(() -> kinesis.getRecords(b -> b.shardIterator(iterator)));
            assertThat(e).as("iterator %s", iterator).isInstanceOf(InvalidArgumentException.class);
        }
    }

    @Test
    void unknownShardOrDeletedStreamIsNotFound() {
        KinesisClient kinesis = server.client();
        String name = Streams.create(kinesis, "unknown-shard", 1);
        String iterator = Streams.iterator(kinesis, name, SHARD, ShardIteratorType.TRIM_HORIZON);

        assertThat(Errors.serviceError(() -> Streams.iterator(kinesis, name, "shardId-000000000099",
                ShardIteratorType.TRIM_HORIZON))).isInstanceOf(ResourceNotFoundException.class);
        kinesis.deleteStream(b -> b.streamName(name));
        await().atMost(Duration.ofSeconds(10)).until(() -> !kinesis.listStreams().streamNames().contains(name));
        assertThat(Errors.serviceError(() -> kinesis.getRecords(b -> b.shardIterator(iterator))))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void iteratorRequestsMissingTheirPositionOrFromTheFutureAreInvalid() {
        KinesisClient kinesis = server.client();
        String name = Streams.create(kinesis, "iterator-args", 1);

        assertThat(Errors.serviceError(() -> kinesis.getShardIterator(b -> b.streamName(name).shardId(SHARD)
                .shardIteratorType(ShardIteratorType.AT_SEQUENCE_NUMBER)))).isInstanceOf(InvalidArgumentException.class);
        assertThat(Errors.serviceError(() -> kinesis.getShardIterator(b -> b.streamName(name).shardId(SHARD)
                .shardIteratorType(ShardIteratorType.AT_TIMESTAMP)))).isInstanceOf(InvalidArgumentException.class);
        assertThat(Errors.serviceError(() -> kinesis.getShardIterator(b -> b.streamName(name).shardId(SHARD)
                .shardIteratorType(ShardIteratorType.AT_TIMESTAMP).timestamp(Instant.now().plusSeconds(3600)))))
                .isInstanceOf(InvalidArgumentException.class);
    }

    private static List<String> dataFrom(KinesisClient kinesis, String iterator) {
        return Streams.readFrom(kinesis, iterator).records().stream().map(r -> r.data().asUtf8String()).toList();
    }

    /** A millisecond instant strictly after {@code t} that the wall clock has not reached before this returns. */
    private static Instant afterClockMoves(Instant t) {
        awaitClockPast(t.plusMillis(20));
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    private static void awaitClockPast(Instant t) {
        await().pollInterval(Duration.ofMillis(5)).atMost(Duration.ofSeconds(5))
                .until(() -> Instant.now().isAfter(t.plusMillis(20)));
    }
}
