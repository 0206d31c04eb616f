package dev.freshet.tests.kinesis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freshet.tests.harness.Errors;
import dev.freshet.tests.harness.FreshetServer;
import dev.freshet.tests.harness.HashKeys;
import dev.freshet.tests.harness.Streams;
import dev.freshet.tests.harness.Wire;
import dev.freshet.tests.harness.WireTest;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.InvalidArgumentException;
import software.amazon.awssdk.services.kinesis.model.PutRecordResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.ValidationException;

/** PutRecord and PutRecords: routing by MD5 and explicit hash key, sequence numbers, size and count limits. */
class PutRecordsTest {
    /** Real sequence numbers are 56 decimal digits. */
    private static final String SEQUENCE_NUMBER = "[1-9]\\d{55}";

    @RegisterExtension
    static final FreshetServer server = new FreshetServer();

    @WireTest
    void recordsGoToTheShardWhoseRangeHoldsTheMd5OfTheirKey(Wire wire) {
        KinesisClient kinesis = server.client(wire);
        String name = Streams.create(kinesis, "routing", 4);
        List<Shard> shards = Streams.openShards(kinesis, name);

        for (int i = 0; i < 60; i++) {
            String key = "user-" + i + "-é";
            PutRecordResponse put = Streams.put(kinesis, name, key, "payload " + i);
            assertThat(put.shardId()).as("shard of key %s", key)
                    .isEqualTo(HashKeys.shardFor(shards, HashKeys.of(key)).shardId());
            assertThat(put.sequenceNumber()).matches(SEQUENCE_NUMBER);
        }
    }

    @WireTest
    void explicitHashKeyOverridesThePartitionKey(Wire wire) {
        KinesisClient kinesis = server.client(wire);
        String name = Streams.create(kinesis, "explicit", 4);
        List<Shard> shards = Streams.openShards(kinesis, name);

        for (Shard target : shards) {
            String hashKey = HashKeys.end(target).toString();
            PutRecordResponse put = kinesis.putRecord(b -> b.streamName(name).partitionKey("same-key")
                    .explicitHashKey(hashKey).data(SdkBytes.fromUtf8String("x")));
            assertThat(put.shardId()).isEqualTo(target.shardId());
        }
        PutRecordsResponse batch = kinesis.putRecords(b -> b.streamName(name).records(shards.stream()
                .map(s -> entry("same-key", "y").toBuilder().explicitHashKey(HashKeys.start(s).toString()).build())
                .toList()));
        assertThat(batch.records()).extracting(PutRecordsResultEntry::shardId)
                .containsExactlyElementsOf(shards.stream().map(Shard::shardId).toList());
    }

    @WireTest
    void explicitHashKeyOutsideTheSpaceIsInvalid(Wire wire) {
        KinesisClient kinesis = server.client(wire);
        String name = Streams.create(kinesis, "explicit-bad", 1);
        String tooBig = HashKeys.MAX.add(BigInteger.ONE).toString();

        AwsServiceException e = Errors.serviceError(() -> kinesis.putRecord(b -> b.streamName(name).partitionKey("k")
                .explicitHashKey(tooBig).data(SdkBytes.fromUtf8String("x"))));
        assertThat(e).isInstanceOf(InvalidArgumentException.class);
        assertThat(Errors.message(e)).contains(tooBig);
        assertThat(Errors.serviceError(() -> kinesis.putRecord(b -> b.streamName(name).partitionKey("k")
                .explicitHashKey("12ab").data(SdkBytes.fromUtf8String("x"))))).isInstanceOf(ValidationException.class);
    }

    @WireTest
    void sequenceNumbersStrictlyIncreaseWithinAShard(Wire wire) {
        KinesisClient kinesis = server.client(wire);
        String name = Streams.create(kinesis, "sequence", 1);

        BigInteger previous = BigInteger.ZERO;
        for (int i = 0; i < 30; i++) {
            BigInteger sequence = new BigInteger(Streams.put(kinesis, name, "k" + i, "v").sequenceNumber());
            assertThat(sequence).isGreaterThan(previous);
            previous = sequence;
        }
    }

    @WireTest
    void sequenceNumberForOrderingKeepsAKeysRecordsInOrder(Wire wire) {
        KinesisClient kinesis = server.client(wire);
        String name = Streams.create(kinesis, "ordering", 2);

        String first = Streams.put(kinesis, name, "account-7", "a").sequenceNumber();
        PutRecordResponse second = kinesis.putRecord(b -> b.streamName(name).partitionKey("account-7")
                .sequenceNumberForOrdering(first).data(SdkBytes.fromUtf8String("b")));

        assertThat(new BigInteger(second.sequenceNumber())).isGreaterThan(new BigInteger(first));
        assertThat(Streams.readAll(kinesis, name, second.shardId())).extracting(r -> r.data().asUtf8String())
                .containsExactly("a", "b");
    }

    @WireTest
    void putRecordsTakesFiveHundredRecordsAndKeepsTheirOrderPerShard(Wire wire) {
        KinesisClient kinesis = server.client(wire);
        String name = Streams.create(kinesis, "batch", 3);
        List<Shard> shards = Streams.openShards(kinesis, name);
        List<PutRecordsRequestEntry> entries = IntStream.range(0, 500)
                .mapToObj(i -> entry("key-" + (i % 37), "record-" + i)).toList();

        PutRecordsResponse response = kinesis.putRecords(b -> b.streamName(name).records(entries));

        assertThat(response.failedRecordCount()).isIn(null, 0);
        assertThat(response.records()).hasSize(500).allSatisfy(r -> {
            assertThat(r.errorCode()).isNull();
            assertThat(r.sequenceNumber()).matches(SEQUENCE_NUMBER);
        });
        Map<String, List<String>> writtenPerShard = new HashMap<>();
        for (int i = 0; i < 500; i++) {
            String expectedShard = HashKeys.shardFor(shards, HashKeys.of(entries.get(i).partitionKey())).shardId();
            assertThat(response.records().get(i).shardId()).isEqualTo(expectedShard);
            writtenPerShard.computeIfAbsent(expectedShard, s -> new ArrayList<>()).add("record-" + i);
        }
        for (Shard shard : shards) {
            List<Record> read = Streams.readAll(kinesis, name, shard.shardId());
            assertThat(read).extracting(r -> r.data().asUtf8String())
                    .containsExactlyElementsOf(writtenPerShard.getOrDefault(shard.shardId(), List.of()));
            assertThat(read).extracting(r -> new BigInteger(r.sequenceNumber())).isSorted();
        }
    }

    @Test
    void moreThanFiveHundredRecordsIsInvalid() {
        KinesisClient kinesis = server.client();
        String name = Streams.create(kinesis, "batch-too-big", 1);
        List<PutRecordsRequestEntry> entries = IntStream.range(0, 501).mapToObj(i -> entry("k", "v")).toList();

        assertThat(Errors.serviceError(() -> kinesis.putRecords(b -> b.streamName(name).records(entries))))
                .isInstanceOf(ValidationException.class);
    }

    @WireTest
    void oneInvalidEntryFailsTheWholePutRecordsRequest(Wire wire) {
        KinesisClient kinesis = server.client(wire);
        String name = Streams.create(kinesis, "batch-invalid", 1);
        List<PutRecordsRequestEntry> entries = new ArrayList<>(List.of(entry("a", "1"), entry("b", "2"),
                entry("c", "3")));
        entries.set(1, entry("k".repeat(257), "2"));

        AwsServiceException e = Errors.serviceError(() -> kinesis.putRecords(b -> b.streamName(name).records(entries)));

        assertThat(e).isInstanceOf(ValidationException.class);
        assertThat(Errors.message(e)).contains("partitionKey").contains("256");
        assertThat(Streams.readAll(kinesis, name, "shardId-000000000000")).isEmpty();
    }

    @WireTest
    void emptyDataIsAcceptedAndEmptyPartitionKeyIsNot(Wire wire) {
        KinesisClient kinesis = server.client(wire);
        String name = Streams.create(kinesis, "empty", 1);

        PutRecordResponse put = kinesis.putRecord(b -> b.streamName(name).partitionKey("k").data(SdkBytes.fromByteArray(new byte[0])));
        assertThat(Streams.readAll(kinesis, name, put.shardId())).singleElement()
                .satisfies(r -> assertThat(r.data().asByteArray()).isEmpty());
        assertThat(Errors.serviceError(() -> kinesis.putRecord(b -> b.streamName(name).partitionKey("")
                .data(SdkBytes.fromUtf8String("x"))))).isInstanceOf(ValidationException.class);
    }

    @WireTest
    void recordsUpToOneMebibyteAreAcceptedAndLargerOnesRejected(Wire wire) {
        KinesisClient kinesis = server.client(wire);
        String name = Streams.create(kinesis, "size", 1);
        byte[] fits = new byte[1024 * 1024 - 256];
        byte[] tooBig = new byte[1024 * 1024 + 1];

        kinesis.putRecord(b -> b.streamName(name).partitionKey("k").data(SdkBytes.fromByteArray(fits)));
        assertThat(Errors.serviceError(() -> kinesis.putRecord(b -> b.streamName(name).partitionKey("k")
                .data(SdkBytes.fromByteArray(tooBig))))).isInstanceOfAny(ValidationException.class,
                InvalidArgumentException.class);
        assertThat(Streams.readAll(kinesis, name, "shardId-000000000000")).singleElement()
                .satisfies(r -> assertThat(r.data().asByteArray()).hasSize(fits.length));
    }

    @WireTest
    void writingToAMissingStreamIsNotFound(Wire wire) {
        KinesisClient kinesis = server.client(wire);
        String missing = Streams.uniqueName("missing");

        AwsServiceException single = Errors.serviceError(() -> Streams.put(kinesis, missing, "k", "v"));
        AwsServiceException batch = Errors.serviceError(() -> kinesis.putRecords(b -> b.streamName(missing)
                .records(entry("k", "v"))));

        assertThat(List.of(single, batch)).allSatisfy(e -> {
            assertThat(e).isInstanceOf(ResourceNotFoundException.class);
            assertThat(Errors.message(e)).isEqualTo("Stream " + missing + " under account 000000000000 not found.");
        });
    }

    private static PutRecordsRequestEntry entry(String partitionKey, String data) {
        return PutRecordsRequestEntry.builder().partitionKey(partitionKey).data(SdkBytes.fromUtf8String(data)).build();
    }
}
