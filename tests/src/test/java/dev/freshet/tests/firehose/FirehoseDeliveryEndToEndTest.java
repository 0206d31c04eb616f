package dev.freshet.tests.firehose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.freshet.tests.harness.FreshetServer;
import dev.freshet.tests.harness.Wire;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.firehose.model.CompressionFormat;
import software.amazon.awssdk.services.firehose.model.PutRecordBatchResponse;
import software.amazon.awssdk.services.firehose.model.Record;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/**
 * Records put through the Firehose API arrive as objects in the local bucket folder
 * ({@code <data-dir>/s3/<bucket>/<key>}, no S3 endpoint configured), named as the service names them
 * ({@code <prefix><yyyy/MM/dd/HH/><stream>-<version>-<yyyy-MM-dd-HH-mm-ss>-<uuid>}), records
 * concatenated in order. Needs the real delivery engine wired into the server.
 */
class FirehoseDeliveryEndToEndTest {

    @RegisterExtension
    static final FreshetServer server = new FreshetServer();
    @RegisterExtension
    static final FirehoseSdk sdk = new FirehoseSdk(server);

    @Test
    void putRecordBatchIsDeliveredToTheBucketFolderInOrder() {
        sdk.client().createDeliveryStream(r -> r.deliveryStreamName("e2e-plain")
            .extendedS3DestinationConfiguration(Firehoses.extendedS3("e2e-plain").prefix("in/")
                .bufferingHints(Firehoses.hints(1, 0)).build()));
        List<String> sent = new ArrayList<>();
        List<Record> records = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            sent.add("{\"n\":" + i + "}\n");
            records.add(Record.builder().data(SdkBytes.fromUtf8String(sent.get(i))).build());
        }
        PutRecordBatchResponse response = sdk.client().putRecordBatch(r -> r.deliveryStreamName("e2e-plain").records(records));
        assertThat(response.failedPutCount()).isZero();
        assertThat(response.requestResponses()).hasSize(20).allSatisfy(entry -> assertThat(entry.recordId()).isNotEmpty());

        Path bucket = server.process().dataDir().resolve("s3").resolve("e2e-plain");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
            assertThat(String.join("", contents(bucket, false))).isEqualTo(String.join("", sent)));
        for (Path object : objects(bucket)) {
            String key = bucket.relativize(object).toString().replace('\\', '/');
            assertThat(key).matches("in/\\d{4}/\\d{2}/\\d{2}/\\d{2}/e2e-plain-1-\\d{4}-\\d{2}-\\d{2}-\\d{2}-\\d{2}-\\d{2}-"
                + "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        }
    }

    @Test
    void gzipAfterUpdateDestinationNamesObjectsWithTheNewVersion() {
        sdk.client().createDeliveryStream(r -> r.deliveryStreamName("e2e-gzip")
            .extendedS3DestinationConfiguration(Firehoses.extendedS3("e2e-gzip").bufferingHints(Firehoses.hints(1, 0)).build()));
        sdk.client().updateDestination(r -> r.deliveryStreamName("e2e-gzip").currentDeliveryStreamVersionId("1")
            .destinationId("destinationId-000000000001")
            .extendedS3DestinationUpdate(u -> u.compressionFormat(CompressionFormat.GZIP)));
        sdk.client().putRecord(r -> r.deliveryStreamName("e2e-gzip").record(x -> x.data(SdkBytes.fromUtf8String("zipped"))));

        Path bucket = server.process().dataDir().resolve("s3").resolve("e2e-gzip");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
            assertThat(contents(bucket, true)).containsExactly("zipped"));
        assertThat(objects(bucket)).singleElement().satisfies(object ->
            assertThat(object.getFileName().toString()).startsWith("e2e-gzip-2-").endsWith(".gz"));
    }

    @Test
    void aKinesisSourcedStreamDeliversTheDataStreamsRecords() {
        KinesisClient kinesis = server.client(Wire.JSON);
        String arn = Firehoses.dataStream(kinesis, "e2e-source", 2);
        sdk.client().createDeliveryStream(Firehoses.fromKinesis("e2e-from-kinesis", arn)
            .extendedS3DestinationConfiguration(Firehoses.extendedS3("e2e-kinesis").bufferingHints(Firehoses.hints(1, 0))
                .build()).build());
        for (int i = 0; i < 10; i++) {
            String data = "k" + i + ";";
            kinesis.putRecord(r -> r.streamName("e2e-source").partitionKey(data).data(SdkBytes.fromUtf8String(data)));
        }

        Path bucket = server.process().dataDir().resolve("s3").resolve("e2e-kinesis");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String all = String.join("", contents(bucket, false));
            for (int i = 0; i < 10; i++) {
                assertThat(all).contains("k" + i + ";");
            }
        });
    }

    /** The objects in key order (keys start with the arrival time, so this is delivery order). */
    private static List<Path> objects(Path bucket) {
        if (!Files.isDirectory(bucket)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(bucket)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> contents(Path bucket, boolean gzip) {
        List<String> result = new ArrayList<>();
        for (Path object : objects(bucket)) {
            try (InputStream in = gzip ? new GZIPInputStream(Files.newInputStream(object)) : Files.newInputStream(object)) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                in.transferTo(bytes);
                result.add(bytes.toString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return result;
    }
}
