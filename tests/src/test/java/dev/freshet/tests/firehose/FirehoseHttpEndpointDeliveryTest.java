package dev.freshet.tests.firehose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.freshet.delivery.testing.HttpEndpointReceiver;
import dev.freshet.delivery.testing.HttpEndpointReceiver.Mode;
import dev.freshet.delivery.testing.HttpEndpointReceiver.Received;
import dev.freshet.tests.harness.FreshetServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.firehose.model.ContentEncoding;
import software.amazon.awssdk.services.firehose.model.HttpEndpointDestinationConfiguration;
import software.amazon.awssdk.services.firehose.model.PutRecordBatchResponse;
import software.amazon.awssdk.services.firehose.model.Record;

/**
 * Delivery to an HTTP endpoint, end to end: records put through the SDK arrive at the spec-checking
 * {@link HttpEndpointReceiver} with the protocol's headers and the access key, gzipped, in order and once;
 * a receiver that fails for a while gets the batch again; what cannot be delivered lands as envelopes under
 * {@code http-endpoint-failed/} in the S3Configuration bucket ({@code <data-dir>/s3/<bucket>}).
 */
class FirehoseHttpEndpointDeliveryTest {

    private static final Duration DELIVERED = Duration.ofSeconds(60);

    @RegisterExtension
    static final FreshetServer server = new FreshetServer();
    @RegisterExtension
    static final FirehoseSdk sdk = new FirehoseSdk(server);

    @Test
    void recordsArriveGzippedWithTheSpecHeadersInOrderOnce() throws Exception {
        try (HttpEndpointReceiver receiver = new HttpEndpointReceiver("secret-key")) {
            String arn = create("http-gzip", receiver, "secret-key", c -> c.requestConfiguration(r -> r
                .contentEncoding(ContentEncoding.GZIP)
                .commonAttributes(a -> a.attributeName("team").attributeValue("data"))));
            List<String> sent = records("gz", 120);
            putBatches("http-gzip", sent);

            await("all records at the endpoint").atMost(DELIVERED)
                .until(() -> receiver.accepted().size() >= sent.size());
            assertThat(strings(receiver.accepted())).containsExactlyElementsOf(sent);
            assertThat(receiver.violations()).isEmpty();
            for (Received request : receiver.received()) {
                assertThat(request.gzipped()).isTrue();
                assertThat(request.header("X-Amz-Firehose-Access-Key")).isEqualTo("secret-key");
                assertThat(request.header("X-Amz-Firehose-Source-Arn")).isEqualTo(arn);
                assertThat(request.header("X-Amz-Firehose-Common-Attributes"))
                    .isEqualTo("{\"commonAttributes\":{\"team\":\"data\"}}");
            }
        }
    }

    @Test
    void aReceiverFailingTwiceGetsTheSameRequestAgainAndLosesNothing() throws Exception {
        Path dataDir = server.process().dataDir();
        try (HttpEndpointReceiver receiver = new HttpEndpointReceiver(null)) {
            receiver.answerNext(Mode.ERROR_500, Mode.ERROR_500);
            create("http-retry", receiver, null, c -> { });
            List<String> sent = records("retry", 30);
            putBatches("http-retry", sent);

            await("delivered after the failures").atMost(DELIVERED)
                .until(() -> receiver.accepted().size() >= sent.size());
            assertThat(strings(receiver.accepted())).containsExactlyElementsOf(sent);
            List<Received> requests = receiver.received();
            assertThat(requests.get(0).answeredWith()).isEqualTo(Mode.ERROR_500);
            assertThat(requests.get(1).requestId()).as("a retry resends the same request")
                .isEqualTo(requests.get(0).requestId());
            assertThat(DeliveredObjects.keys(dataDir, "http-retry-bucket", "")).isEmpty();
        }
    }

    @Test
    void aWrongAccessKeyAndA413GoToTheErrorOutputAsEnvelopes() throws Exception {
        Path dataDir = server.process().dataDir();
        try (HttpEndpointReceiver keyed = new HttpEndpointReceiver("right-key");
             HttpEndpointReceiver tooLarge = new HttpEndpointReceiver(null)) {
            tooLarge.answerAlways(Mode.TOO_LARGE_413);
            create("http-401", keyed, "wrong-key", c -> c.retryOptions(r -> r.durationInSeconds(0)));
            create("http-413", tooLarge, null, c -> { });
            List<String> unauthorized = records("401", 5);
            List<String> rejected = records("413", 5);
            putBatches("http-401", unauthorized);
            putBatches("http-413", rejected);

            await("the 401'd records in the error output").atMost(DELIVERED).until(() ->
                DeliveredObjects.envelopes(dataDir, "http-401-bucket", "http-endpoint-failed/").size()
                    >= unauthorized.size());
            await("the 413'd records in the error output").atMost(DELIVERED).until(() ->
                DeliveredObjects.envelopes(dataDir, "http-413-bucket", "http-endpoint-failed/").size() >= rejected.size());
            List<JsonNode> failed401 = DeliveredObjects.envelopes(dataDir, "http-401-bucket", "http-endpoint-failed/");
            List<JsonNode> failed413 = DeliveredObjects.envelopes(dataDir, "http-413-bucket", "http-endpoint-failed/");
            assertThat(rawData(failed401)).containsExactlyInAnyOrderElementsOf(unauthorized);
            assertThat(rawData(failed413)).containsExactlyInAnyOrderElementsOf(rejected);
            assertThat(failed401).allSatisfy(e -> {
                assertThat(e.path("errorCode").asText()).isEqualTo("HttpEndpoint.DestinationException");
                assertThat(e.path("errorMessage").asText()).contains("401");
                assertThat(e.path("attemptsMade").asInt()).isEqualTo(1);
                assertThat(e.path("arrivalTimestamp").asLong()).isPositive();
            });
            assertThat(failed413).allSatisfy(e -> {
                assertThat(e.path("errorCode").asText()).isEqualTo("HttpEndpoint.DestinationException");
                assertThat(e.path("attemptsMade").asInt()).as("413 is permanent: no retry").isEqualTo(1);
            });
            assertThat(keyed.accepted()).isEmpty();
            assertThat(tooLarge.received().stream().mapToInt(r -> r.records().size()).sum())
                .as("each 413'd request was sent once").isEqualTo(rejected.size());
        }
    }

    private static String create(String name, HttpEndpointReceiver receiver, String accessKey,
            Consumer<HttpEndpointDestinationConfiguration.Builder> more) {
        HttpEndpointDestinationConfiguration.Builder config = HttpEndpointDestinationConfiguration.builder()
            .endpointConfiguration(e -> e.url(receiver.url().toString()).name("receiver").accessKey(accessKey))
            .bufferingHints(h -> h.sizeInMBs(1).intervalInSeconds(0))
            .roleARN(Firehoses.ROLE)
            .s3Configuration(s -> s.roleARN(Firehoses.ROLE).bucketARN("arn:aws:s3:::" + name + "-bucket"));
        more.accept(config);
        return sdk.client().createDeliveryStream(r -> r.deliveryStreamName(name)
            .httpEndpointDestinationConfiguration(config.build())).deliveryStreamARN();
    }

    private static List<String> records(String tag, int count) {
        List<String> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            records.add("{\"tag\":\"" + tag + "\",\"n\":" + i + "}\n");
        }
        return records;
    }

    /** Puts the records in order, in batches of 50. */
    private static void putBatches(String stream, List<String> records) {
        for (int from = 0; from < records.size(); from += 50) {
            List<Record> batch = records.subList(from, Math.min(records.size(), from + 50)).stream()
                .map(r -> Record.builder().data(SdkBytes.fromUtf8String(r)).build()).toList();
            PutRecordBatchResponse response = sdk.client().putRecordBatch(r -> r.deliveryStreamName(stream).records(batch));
            assertThat(response.failedPutCount()).isZero();
        }
    }

    private static List<String> strings(List<byte[]> records) {
        return records.stream().map(b -> new String(b, StandardCharsets.UTF_8)).toList();
    }

    private static List<String> rawData(List<JsonNode> envelopes) {
        return envelopes.stream()
            .map(e -> new String(Base64.getDecoder().decode(e.path("rawData").asText()), StandardCharsets.UTF_8)).toList();
    }
}
