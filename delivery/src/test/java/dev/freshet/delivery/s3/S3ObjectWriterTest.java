package dev.freshet.delivery.s3;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.freshet.delivery.DeliveryRecord;
import dev.freshet.delivery.destination.DestinationMetrics;
import dev.freshet.delivery.destination.FailedRecord;
import dev.freshet.delivery.destination.FailureEnvelope;
import dev.freshet.delivery.destination.RetryPolicy;
import dev.freshet.delivery.destination.StreamHealth;
import dev.freshet.delivery.store.ObjectStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class S3ObjectWriterTest {

    final Map<String, String> objects = new LinkedHashMap<>();
    final ObjectStore store = new ObjectStore() {
        @Override
        public void put(String bucket, String key, byte[] content) {
            objects.put(bucket + "/" + key, new String(content, StandardCharsets.UTF_8));
        }

        @Override
        public void close() {
        }
    };

    S3ObjectWriter writer(String configuration) throws Exception {
        S3Target target = S3Target.from(new ObjectMapper().readTree(configuration));
        return new S3ObjectWriter(target, ObjectKeysTest.STREAM, new ObjectPutter(store,
            new RetryPolicy(Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofMillis(1)), StreamHealth.NONE),
            InstantSource.fixed(java.time.Instant.ofEpochMilli(ObjectKeysTest.ARRIVAL)));
    }

    static DeliveryRecord record(String data, long arrival, Map<String, String> keys) {
        return new DeliveryRecord("id-" + data, arrival, data.getBytes(StandardCharsets.UTF_8), keys);
    }

    @Test
    void oneObjectPerPartitionInSourceOrderAndRecordsWithoutTheirKeyFail() throws Exception {
        S3ObjectWriter writer = writer("{\"BucketARN\":\"arn:aws:s3:::b\",\"Prefix\":\"c=!{partitionKeyFromQuery:c}/"
            + "!{timestamp:yyyy}/\",\"ErrorOutputPrefix\":\"err/!{firehose:error-output-type}/\"}");
        List<DeliveryRecord> records = List.of(record("a1", ObjectKeysTest.ARRIVAL, Map.of("c", "a", "unused", "1")),
            record("b1", ObjectKeysTest.ARRIVAL - 1000, Map.of("c", "b")), record("a2", ObjectKeysTest.ARRIVAL, Map.of("c", "a", "unused", "2")),
            record("x", ObjectKeysTest.ARRIVAL, Map.of()));

        List<FailedRecord> failed = writer.writeRecords(records);

        assertThat(objects).hasSize(2);
        assertThat(new ArrayList<>(objects.keySet()).get(0)).startsWith("b/c=a/2018/orders-3-2018-08-27-10-30-05-");
        assertThat(new ArrayList<>(objects.keySet()).get(1)).startsWith("b/c=b/2018/orders-3-2018-08-27-10-30-04-");
        assertThat(objects.values()).containsExactly("a1a2", "b1");
        assertThat(failed).singleElement().satisfies(f -> {
            assertThat(f.errorOutputType()).isEqualTo("processing-failed");
            assertThat(new String(f.envelope(), StandardCharsets.UTF_8)).contains("DynamicPartitioning.MISSING_PARTITION_KEY");
        });
    }

    @Test
    void errorEnvelopesAreJsonLinesUnderTheErrorPrefixPerType() throws Exception {
        S3ObjectWriter writer = writer("{\"BucketARN\":\"arn:aws:s3:::b\",\"Prefix\":\"ok/\"}");
        DeliveryRecord record = record("raw", ObjectKeysTest.ARRIVAL, Map.of());
        writer.writeErrors(List.of(
            failed(record, "processing-failed", 3, "Lambda.Timeout", 5),
            failed(record, "processing-failed", 3, "Lambda.Timeout", 6),
            failed(record, "format-conversion-failed", 1, "X", 7)));

        assertThat(objects).hasSize(2);
        List<String> keys = new ArrayList<>(objects.keySet());
        assertThat(keys.get(0)).startsWith("b/ok/processing-failed/2018/08/27/10/orders-3-");
        assertThat(keys.get(1)).startsWith("b/ok/format-conversion-failed/2018/08/27/10/");
        String[] lines = objects.get(keys.get(0)).split("\n");
        assertThat(lines).hasSize(2);
        assertThat(new ObjectMapper().readTree(lines[0]).get("rawData").asText()).isEqualTo("cmF3");
        assertThat(new ObjectMapper().readTree(lines[0]).get("attemptsMade").asInt()).isEqualTo(3);
    }

    static FailedRecord failed(DeliveryRecord record, String type, int attempts, String code, long endedMillis) {
        return new FailedRecord(record, type, FailureEnvelope.toBytes(FailureEnvelope.of(record, attempts, code, "failed",
            endedMillis)));
    }

    @Test
    void fileExtensionOverridesTheCompressionsExtension() throws Exception {
        writer("{\"BucketARN\":\"arn:aws:s3:::b\",\"CompressionFormat\":\"GZIP\",\"FileExtension\":\".json.gz\"}")
            .writeRecords(List.of(record("z", ObjectKeysTest.ARRIVAL, Map.of())));
        assertThat(objects.keySet()).singleElement().satisfies(key -> assertThat(key).endsWith(".json.gz"));
    }

    @Test
    void partitionsPastTheActiveLimitGoToTheErrorOutputAsActivePartitionExceeded() throws Exception {
        S3Target target = S3Target.from(new ObjectMapper().readTree("{\"BucketARN\":\"arn:aws:s3:::b\",\"Prefix\":"
            + "\"c=!{partitionKeyFromQuery:c}/\",\"ErrorOutputPrefix\":\"err/!{firehose:error-output-type}/\"}"));
        Map<String, Long> gauges = new TreeMap<>();
        DestinationMetrics metrics = new DestinationMetrics() {
            @Override
            public void count(String name, long amount) {
            }

            @Override
            public void gauge(String name, long value) {
                gauges.put(name, value);
            }
        };
        S3ObjectWriter writer = new S3ObjectWriter(target, ObjectKeysTest.STREAM, new ObjectPutter(store,
            new RetryPolicy(Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofMillis(1)), StreamHealth.NONE),
            InstantSource.fixed(java.time.Instant.ofEpochMilli(ObjectKeysTest.ARRIVAL)), ObjectFormat.concatenated(target),
            new ActivePartitions(2, metrics));
        List<DeliveryRecord> records = new ArrayList<>();
        for (String c : List.of("a", "b", "a", "c", "d", "c", "b")) {
            records.add(record(c + records.size(), ObjectKeysTest.ARRIVAL, Map.of("c", c)));
        }
        records.add(record("nokey", ObjectKeysTest.ARRIVAL, Map.of()));

        List<FailedRecord> failed = writer.writeRecords(records);

        assertThat(objects.values()).as("the first two partitions, in order of first appearance").containsExactly("a0a2", "b1b6");
        assertThat(failed).extracting(f -> new String(f.record().data(), StandardCharsets.UTF_8))
            .containsExactlyInAnyOrder("c3", "c5", "d4", "nokey");
        assertThat(failed).filteredOn(f -> f.errorOutputType().equals("activePartitionExceeded")).hasSize(3)
            .allSatisfy(f -> {
                var envelope = new ObjectMapper().readTree(f.envelope());
                assertThat(envelope.get("errorCode").asText()).isEqualTo("DynamicPartitioning.ActivePartitionsLimitExceeded");
                assertThat(envelope.get("errorMessage").asText())
                    .isEqualTo("The number of active partitions has exceeded the configured limit");
            });
        assertThat(gauges).containsExactlyInAnyOrderEntriesOf(
            Map.of("PartitionCount", 2L, "PartitionCountExceeded", 1L, "ActivePartitionsLimit", 2L));

        objects.clear();
        writer.writeErrors(failed);
        assertThat(objects.keySet()).as("one object per error-output type, not one per refused partition")
            .hasSize(2).anySatisfy(key -> assertThat(key).startsWith("b/err/activePartitionExceeded/orders-3-"));

        objects.clear();
        assertThat(writer.writeRecords(List.of(record("e", ObjectKeysTest.ARRIVAL, Map.of("c", "e"))))).isEmpty();
        assertThat(gauges).containsEntry("PartitionCount", 1L).containsEntry("PartitionCountExceeded", 0L);
    }
}
