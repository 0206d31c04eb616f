package dev.freshet.tests.firehose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.freshet.delivery.testing.S3ProxyFixture;
import dev.freshet.tests.harness.FreshetProcess;
import dev.freshet.tests.harness.FreshetServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.firehose.model.CompressionFormat;
import software.amazon.awssdk.services.firehose.model.FailureDescription;
import software.amazon.awssdk.services.firehose.model.Record;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A server started with {@code s3-endpoint} delivers into an S3-compatible store (s3proxy with SigV4
 * on loopback) instead of the data directory: the objects are read back with the AWS S3 client,
 * named as Firehose names them; and {@code /metrics} shows what was delivered under the service's
 * CloudWatch names.
 */
class FirehoseS3StoreTest {

    private static final String KEY = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final String TIME = "\\d{4}-\\d{2}-\\d{2}-\\d{2}-\\d{2}-\\d{2}";

    static S3ProxyFixture store;
    static FreshetProcess server;
    static FirehoseClient firehose;
    static S3Client s3;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(FreshetServer.externalEndpoint() == null, "needs a Freshet process started by the suite");
        store = S3ProxyFixture.inMemory();
        store.createBucket("landing");
        server = FreshetProcess.start("FirehoseS3StoreTest", List.of("--stream-transition-millis", "0",
            "--s3-endpoint", store.endpoint().toString(), "--s3-access-key-id", S3ProxyFixture.IDENTITY,
            "--s3-secret-access-key", S3ProxyFixture.CREDENTIAL));
        firehose = Firehoses.client(server.endpoint());
        s3 = store.client();
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable closeable : new AutoCloseable[] {s3, firehose, server, store}) {
            if (closeable != null) {
                closeable.close();
            }
        }
    }

    @Test
    void recordsArriveInTheS3StoreNamedAsFirehoseNamesThem() throws IOException {
        firehose.createDeliveryStream(r -> r.deliveryStreamName("to-s3")
            .extendedS3DestinationConfiguration(Firehoses.extendedS3("landing").prefix("events/")
                .compressionFormat(CompressionFormat.GZIP).bufferingHints(Firehoses.hints(1, 0)).build()));
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            sent.add("{\"n\":" + i + "}\n");
        }
        assertThat(firehose.putRecordBatch(r -> r.deliveryStreamName("to-s3").records(sent.stream()
            .map(d -> Record.builder().data(SdkBytes.fromUtf8String(d)).build()).toList())).failedPutCount()).isZero();

        // objects written in the same second sort by their random suffix, so only lines are compared
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
            assertThat(String.join("", contents(objects("events/"))).split("(?<=\n)"))
                .containsExactlyInAnyOrderElementsOf(sent));
        assertThat(objects("events/")).allSatisfy(object -> assertThat(object.key())
            .matches("events/\\d{4}/\\d{2}/\\d{2}/\\d{2}/to-s3-1-" + TIME + "-" + KEY + "\\.gz"));
        assertThat(server.dataDir().resolve("s3")).doesNotExist();
    }

    @Test
    void metricsShowTheDeliveryUnderCloudWatchNames() throws Exception {
        firehose.createDeliveryStream(r -> r.deliveryStreamName("measured")
            .extendedS3DestinationConfiguration(Firehoses.extendedS3("landing").prefix("measured/")
                .bufferingHints(Firehoses.hints(1, 0)).build()));
        for (int i = 0; i < 3; i++) {
            firehose.putRecord(r -> r.deliveryStreamName("measured").record(x -> x.data(SdkBytes.fromUtf8String("abcd"))));
        }
        String stream = "{delivery_stream=\"measured\"}";
        HttpClient http = HttpClient.newHttpClient();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String metrics = http.send(HttpRequest.newBuilder(server.endpoint().resolve("/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
            assertThat(metrics)
                .contains("freshet_firehose_incoming_records_total" + stream + " 3.0")
                .contains("freshet_firehose_delivery_to_s3_records_total" + stream + " 3.0")
                .contains("freshet_firehose_delivery_to_s3_bytes_total" + stream + " 12.0")
                .containsPattern("freshet_firehose_delivery_to_s3_success_total\\{delivery_stream=\"measured\"} [1-3]\\.0")
                .contains("freshet_firehose_delivery_to_s3_data_freshness_seconds" + stream + " 0.0")
                .contains("freshet_firehose_delivery_failing" + stream + " 0.0");
        });
    }

    @Test
    void aMissingBucketShowsAsFailureDescriptionAndOnMetrics() throws Exception {
        firehose.createDeliveryStream(r -> r.deliveryStreamName("no-bucket")
            .extendedS3DestinationConfiguration(Firehoses.extendedS3("never-created").bufferingHints(Firehoses.hints(1, 0))
                .build()));
        firehose.putRecord(r -> r.deliveryStreamName("no-bucket").record(x -> x.data(SdkBytes.fromUtf8String("lost?"))));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            FailureDescription failure = firehose.describeDeliveryStream(r -> r.deliveryStreamName("no-bucket"))
                .deliveryStreamDescription().failureDescription();
            assertThat(failure).isNotNull();
            assertThat(failure.typeAsString()).isEqualTo("UNKNOWN_ERROR");
            assertThat(failure.details()).contains("NoSuchBucket");
        });
        String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.endpoint().resolve("/metrics"))
            .build(), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(metrics).contains("freshet_firehose_delivery_failing{delivery_stream=\"no-bucket\"} 1.0");
    }

    private static List<S3Object> objects(String prefix) {
        return s3.listObjectsV2Paginator(r -> r.bucket("landing").prefix(prefix)).contents().stream()
            .sorted((a, b) -> a.key().compareTo(b.key())).toList();
    }

    private static List<String> contents(List<S3Object> objects) throws IOException {
        List<String> result = new ArrayList<>();
        for (S3Object object : objects) {
            try (InputStream in = new GZIPInputStream(s3.getObject(r -> r.bucket("landing").key(object.key())))) {
                result.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return result;
    }
}
