package dev.freshet.delivery.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.freshet.datastreams.log.Durability;
import dev.freshet.datastreams.log.internal.FileLogEngine;
import dev.freshet.delivery.DeliveryErrorType;
import dev.freshet.delivery.DeliveryRecord;
import dev.freshet.delivery.DeliveryException;
import dev.freshet.delivery.DeliveryMetrics;
import dev.freshet.delivery.DeliverySource;
import dev.freshet.delivery.DeliveryStreamRef;
import dev.freshet.delivery.DeliveryStreamSpec;
import dev.freshet.delivery.DestinationKind;
import dev.freshet.delivery.compress.CompressionFormat;
import dev.freshet.delivery.compress.Decoders;
import dev.freshet.delivery.destination.FailedRecord;
import dev.freshet.delivery.destination.FailureEnvelope;
import dev.freshet.delivery.destination.DestinationRegistry;
import dev.freshet.delivery.destination.RetryPolicy;
import dev.freshet.delivery.process.ProcessingResult;
import dev.freshet.delivery.process.ProcessingSettings;
import dev.freshet.delivery.process.RecordProcessorFactory;
import dev.freshet.delivery.process.RecordProcessorFactory;
import dev.freshet.delivery.s3.S3Destinations;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine end to end: a real shard log in a temporary folder, objects in a local directory store. */
class LogDeliveryEngineTest extends EngineFixture {

    @Test
    void directPutWithIntervalZeroDeliversEverythingInOrderUnderTheServicesNames() throws Exception {
        engine.run(spec("s1", 1, s3(hints(5, 0))));
        put("s1", 0, 2000);

        await().atMost(Duration.ofSeconds(30)).until(() -> metrics("s1").deliveredRecords() == 2000);
        assertThat(delivered("bucket", CompressionFormat.UNCOMPRESSED)).isEqualTo(expected(0, 2000));
        assertThat(store.in("bucket")).allSatisfy(object -> assertThat(object.key()).matches(
            "\\d{4}/\\d{2}/\\d{2}/\\d{2}/s1-1-\\d{4}-\\d{2}-\\d{2}-\\d{2}-\\d{2}-\\d{2}-[0-9a-f-]{36}"));
        assertThat(metrics("s1").incomingRecords()).isEqualTo(2000);
        assertThat(metrics("s1").deliveredBytes()).isEqualTo(expected(0, 2000).length);
        assertThat(metrics("s1").dataFreshnessMillis()).isZero();
        await().atMost(Duration.ofSeconds(10)).until(() -> checkpoint("s1") == 2000);
    }

    @Test
    void compressesObjectsAndNamesThemWithTheExtension() throws Exception {
        engine.run(spec("gz", 1, s3(hints(1, 0) + ",\"CompressionFormat\":\"GZIP\",\"Prefix\":\"logs/\"")));
        put("gz", 0, 500);

        await().atMost(Duration.ofSeconds(30)).until(() -> metrics("gz").deliveredRecords() == 500);
        assertThat(delivered("bucket", CompressionFormat.GZIP)).isEqualTo(expected(0, 500));
        assertThat(store.in("bucket")).allSatisfy(object -> assertThat(object.key()).startsWith("logs/2").endsWith(".gz"));
    }

    @Test
    void theSizeHintFlushesBeforeTheInterval() throws Exception {
        engine.run(spec("big", 1, s3(hints(1, 900))));
        put("big", 0, 3000);

        await().atMost(Duration.ofSeconds(30)).until(() -> metrics("big").deliveredRecords() >= 2000);
        assertThat(store.in("bucket")).hasSizeGreaterThanOrEqualTo(2);
        byte[] first = Files.readAllBytes(dir.resolve("s3/bucket").resolve(store.in("bucket").get(0).key()));
        assertThat(first.length).isBetween(1 << 20, (1 << 20) + 2 * 1024 * 100);
    }

    @Test
    void aFailingStoreHoldsTheCheckpointAndLosesNothing() throws Exception {
        engine.run(spec("flaky", 1, s3(hints(1, 0))));
        store.failing = true;
        put("flaky", 0, 300);

        await().atMost(Duration.ofSeconds(30)).until(() -> store.failedAttempts.get() >= 3);
        assertThat(checkpoint("flaky")).isZero();
        assertThat(metrics("flaky").failureDescription()).contains("ServiceUnavailable");
        assertThat(metrics("flaky").dataFreshnessMillis()).isPositive();

        store.failing = false;
        await().atMost(Duration.ofSeconds(30)).until(() -> metrics("flaky").deliveredRecords() == 300);
        assertThat(delivered("bucket", CompressionFormat.UNCOMPRESSED)).isEqualTo(expected(0, 300));
        await().atMost(Duration.ofSeconds(10)).until(() -> checkpoint("flaky") == 300);
        assertThat(metrics("flaky").failureDescription()).isNull();
    }

    @Test
    void aReopenedEngineResumesFromTheCheckpoint() throws Exception {
        engine.run(spec("r", 1, s3(hints(1, 0))));
        put("r", 0, 50);
        await().atMost(Duration.ofSeconds(30)).until(() -> metrics("r").deliveredRecords() == 50);
        engine.run(spec("r", 2, s3(hints(128, 900))));
        put("r", 50, 50);
        await().atMost(Duration.ofSeconds(10)).until(() -> metrics("r").incomingRecords() == 100);
        engine.close();
        logs.close();
        assertThat(checkpoint("r")).isEqualTo(50);

        open();
        engine.run(spec("r", 3, s3(hints(1, 0))));
        await().atMost(Duration.ofSeconds(30)).until(() -> metrics("r").deliveredRecords() == 50);
        assertThat(delivered("bucket", CompressionFormat.UNCOMPRESSED)).isEqualTo(expected(0, 100));
        assertThat(store.in("bucket").get(store.in("bucket").size() - 1).key()).contains("/r-3-");
    }

    @Test
    void aNewVersionIsUsedFromTheNextBatchOn() throws Exception {
        engine.run(spec("v", 1, s3(hints(1, 0))));
        put("v", 0, 10);
        await().atMost(Duration.ofSeconds(30)).until(() -> metrics("v").deliveredRecords() == 10);
        engine.run(spec("v", 2, "{\"BucketARN\":\"arn:aws:s3:::other\",\"Prefix\":\"v2/\"" + hints(1, 0) + "}"));
        put("v", 10, 10);
        await().atMost(Duration.ofSeconds(30)).until(() -> metrics("v").deliveredRecords() == 20);
        assertThat(delivered("other", CompressionFormat.UNCOMPRESSED)).isEqualTo(expected(10, 10));
        assertThat(store.in("other")).allSatisfy(object -> assertThat(object.key()).startsWith("v2/").contains("/v-2-"));
    }

    @Test
    void aNewVersionRepairsABatchStuckOnAMissingBucket() throws Exception {
        store.missingBuckets.add("missing");
        engine.run(spec("fix", 1, "{\"BucketARN\":\"arn:aws:s3:::missing\"" + hints(1, 0) + "}"));
        put("fix", 0, 40);
        await().atMost(Duration.ofSeconds(30)).until(() -> String.valueOf(metrics("fix").failureDescription())
            .contains("S3.NoSuchBucket"));
        assertThat(checkpoint("fix")).isZero();

        engine.run(spec("fix", 2, s3(hints(1, 0))));
        await().atMost(Duration.ofSeconds(30)).until(() -> metrics("fix").deliveredRecords() == 40);
        assertThat(delivered("bucket", CompressionFormat.UNCOMPRESSED)).isEqualTo(expected(0, 40));
        assertThat(store.in("bucket")).allSatisfy(object -> assertThat(object.key()).contains("/fix-2-"));
        await().atMost(Duration.ofSeconds(10)).until(() -> checkpoint("fix") == 40);
    }

    @Test
    void processingFailuresGoToTheErrorOutputAndTheRestIsDelivered() throws Exception {
        processors = (config, kinesis) -> (stream, records) -> {
            List<DeliveryRecord> ok = new ArrayList<>();
            List<FailedRecord> failed = new ArrayList<>();
            for (int i = 0; i < records.size(); i++) {
                if (new String(records.get(i).data(), StandardCharsets.UTF_8).contains("record-00000")) {
                    failed.add(new FailedRecord(records.get(i), "processing-failed",
                        FailureEnvelope.toBytes(FailureEnvelope.of(records.get(i), 1, "Lambda.FunctionError", "boom", 0))));
                } else {
                    ok.add(records.get(i));
                }
            }
            return new ProcessingResult(ok, failed, 0);
        };
        engine.run(spec("p", 1, s3(hints(1, 0) + ",\"ProcessingConfiguration\":{\"Enabled\":true,\"Processors\":[]}")));
        put("p", 0, 20);

        await().atMost(Duration.ofSeconds(30)).until(() -> metrics("p").errorOutputRecords() == 10);
        await().atMost(Duration.ofSeconds(30)).until(() -> metrics("p").deliveredRecords() == 10);
        List<RecordingStore.Stored> errors = store.in("bucket").stream()
            .filter(object -> object.key().startsWith("processing-failed/")).toList();
        assertThat(errors).isNotEmpty();
        String lines = new String(Files.readAllBytes(dir.resolve("s3/bucket").resolve(errors.get(0).key())), StandardCharsets.UTF_8);
        assertThat(lines.split("\n")[0]).contains("\"errorCode\":\"Lambda.FunctionError\"", "\"rawData\":\"");
        assertThat(metrics("p").processingFailedRecords()).isEqualTo(10);
    }

    @Test
    void sourceRecordsAreBackedUpBeforeProcessingWhenEnabled() throws Exception {
        processors = (config, kinesis) -> (stream, records) -> ProcessingResult.unchanged(records.stream()
            .map(record -> record.withData("P".getBytes(StandardCharsets.UTF_8))).toList());
        engine.run(spec("b", 1, s3(hints(1, 0) + ",\"ProcessingConfiguration\":{\"Enabled\":true},"
            + "\"S3BackupMode\":\"Enabled\",\"S3BackupConfiguration\":{\"BucketARN\":\"arn:aws:s3:::backup\",\"Prefix\":\"raw/\"}")));
        put("b", 0, 30);

        await().atMost(Duration.ofSeconds(30)).until(() -> metrics("b").deliveredRecords() == 30);
        assertThat(delivered("backup", CompressionFormat.UNCOMPRESSED)).isEqualTo(expected(0, 30));
        assertThat(new String(delivered("bucket", CompressionFormat.UNCOMPRESSED), StandardCharsets.UTF_8)).isEqualTo("P".repeat(30));
        assertThat(store.in("backup")).allSatisfy(object -> assertThat(object.key()).startsWith("raw/2"));
    }

    @Test
    void runsTheBuiltInProcessors() throws Exception {
        processors = RecordProcessorFactory.of(ProcessingSettings.defaults());
        engine.run(spec("delim", 1, s3(hints(1, 0) + ",\"ProcessingConfiguration\":{\"Enabled\":true,\"Processors\":"
            + "[{\"Type\":\"AppendDelimiterToRecord\"}]}")));
        engine.put("delim", List.of("a".getBytes(StandardCharsets.UTF_8), "b".getBytes(StandardCharsets.UTF_8))).get();

        await().atMost(Duration.ofSeconds(30)).until(() -> metrics("delim").deliveredRecords() == 2);
        assertThat(new String(delivered("bucket", CompressionFormat.UNCOMPRESSED), StandardCharsets.UTF_8)).isEqualTo("a\nb\n");
        assertThatThrownBy(() -> engine.run(spec("wrong", 1, s3(",\"ProcessingConfiguration\":{\"Enabled\":true,"
            + "\"Processors\":[{\"Type\":\"NoSuchProcessor\"}]}")))).isInstanceOf(DeliveryException.class);
    }

    @Test
    void refusesUnsupportedDestinationsAndUnknownStreams() {
        DeliveryStreamSpec http = new DeliveryStreamSpec(spec("h", 1, s3("")).ref(), new DeliverySource.DirectPut(),
            DestinationKind.HTTP_ENDPOINT, JSON.createObjectNode());
        assertThatThrownBy(() -> engine.run(http)).isInstanceOfSatisfying(DeliveryException.class, e -> {
            assertThat(e.type()).isEqualTo(DeliveryErrorType.INVALID_ARGUMENT);
            assertThat(e.getMessage()).contains("HttpEndpointDestination", "not supported yet");
        });
        assertThatThrownBy(() -> engine.put("nope", records(0, 1)).get()).isInstanceOf(ExecutionException.class)
            .hasCauseInstanceOf(DeliveryException.class);
        assertThatThrownBy(() -> engine.run(spec("bad", 1, "{\"BucketARN\":\"nope\"}")))
            .isInstanceOf(DeliveryException.class);
        assertThatThrownBy(() -> engine.run(spec("parquet", 1, s3(",\"DataFormatConversionConfiguration\":{\"Enabled\":true}"))))
            .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.getMessage()).contains("SchemaConfiguration is required"));
    }

    @Test
    void deleteDiscardsTheBufferAndTheCheckpoint() throws Exception {
        engine.run(spec("d", 1, s3(hints(128, 900))));
        put("d", 0, 10);
        engine.delete("d");

        assertThat(logs.ids()).doesNotContain(DirectPutSource.logId("d"));
        assertThat(dir.resolve("firehose/checkpoints/d.json")).doesNotExist();
        assertThatThrownBy(() -> engine.put("d", records(0, 1)).get()).hasCauseInstanceOf(DeliveryException.class);
        engine.run(spec("d", 1, s3(hints(1, 0))));
        put("d", 0, 5);
        await().atMost(Duration.ofSeconds(30)).until(() -> metrics("d").deliveredRecords() == 5);
        assertThat(delivered("bucket", CompressionFormat.UNCOMPRESSED)).isEqualTo(expected(0, 5));
    }
}
