package dev.freshet.delivery.destination.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.freshet.delivery.DeliveryBatch;
import dev.freshet.delivery.DeliveryRecord;
import dev.freshet.delivery.DeliverySource;
import dev.freshet.delivery.DeliveryStreamRef;
import dev.freshet.delivery.DeliveryStreamSpec;
import dev.freshet.delivery.DestinationKind;
import dev.freshet.delivery.destination.DeliveryResult;
import dev.freshet.delivery.destination.FailedRecord;
import dev.freshet.delivery.testing.HttpEndpointReceiver;
import dev.freshet.delivery.testing.HttpEndpointReceiver.Mode;
import dev.freshet.delivery.testing.HttpEndpointReceiver.Received;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The HTTP endpoint destination against a receiver that implements the spec, on loopback. */
@Timeout(60)
class HttpEndpointDestinationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "secret-key/+=123";
    private static final DeliveryStreamRef STREAM = new DeliveryStreamRef("orders",
        "arn:aws:firehose:us-east-1:000000000000:deliverystream/orders", "us-east-1", 1);

    private HttpEndpointReceiver receiver;

    @BeforeEach
    void start() throws Exception {
        receiver = new HttpEndpointReceiver(KEY);
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Test
    void recordsArriveInOrderWithTheSpecsHeaders() throws Exception {
        ObjectNode config = config(receiver.url(), KEY, 20);
        config.putObject("RequestConfiguration").putArray("CommonAttributes")
            .add(attribute("env", "prod")).add(attribute("team", ""));
        List<DeliveryRecord> records = records(3);
        records.add(new DeliveryRecord("empty", 1L, new byte[0]));

        assertThat(deliver(config, records).allDelivered()).isTrue();

        assertThat(receiver.violations()).isEmpty();
        assertThat(receiver.received()).hasSize(1);
        Received request = receiver.received().get(0);
        assertThat(request.records()).containsExactlyElementsOf(datas(records));
        assertThat(request.gzipped()).isFalse();
        assertThat(request.header("Content-Encoding")).isNull();
        assertThat(request.header("X-Amz-Firehose-Protocol-Version")).isEqualTo("1.0");
        assertThat(request.header("X-Amz-Firehose-Source-Arn")).isEqualTo(STREAM.arn());
        assertThat(request.header("X-Amz-Firehose-Access-Key")).isEqualTo(KEY);
        assertThat(request.header("User-Agent")).startsWith("Amazon Kinesis Data Firehose Agent/1.0");
        assertThat(JSON.readTree(request.header("X-Amz-Firehose-Common-Attributes")))
            .isEqualTo(JSON.readTree("{\"commonAttributes\":{\"env\":\"prod\",\"team\":\"\"}}"));
        assertThat(request.requestId()).isEqualTo(request.header("X-Amz-Firehose-Request-Id")).hasSize(36);
        assertThat(request.timestamp()).isCloseTo(System.currentTimeMillis(), org.assertj.core.data.Offset.offset(60_000L));
    }

    @Test
    void gzipContentEncodingCompressesTheBody() throws Exception {
        ObjectNode config = config(receiver.url(), KEY, 20);
        config.putObject("RequestConfiguration").put("ContentEncoding", "GZIP");
        List<DeliveryRecord> records = records(50);

        assertThat(deliver(config, records).allDelivered()).isTrue();

        assertThat(receiver.received()).singleElement().satisfies(r -> assertThat(r.gzipped()).isTrue());
        assertThat(receiver.accepted()).containsExactlyElementsOf(datas(records));
    }

    @Test
    void aFailedRequestIsRetriedWithTheSameRequestIdUntilItIsDelivered() throws Exception {
        receiver.answerNext(Mode.ERROR_500, Mode.GARBAGE_200, Mode.DROP_CONNECTION);
        List<DeliveryRecord> records = records(5);
        CountingMetrics metrics = new CountingMetrics();

        DeliveryResult result = deliver(config(receiver.url(), KEY, 20), records, metrics, Duration.ofSeconds(30));

        assertThat(result.allDelivered()).isTrue();
        assertThat(receiver.received()).hasSize(4)
            .extracting(Received::requestId).containsOnly(receiver.received().get(0).requestId());
        assertThat(receiver.accepted()).containsExactlyElementsOf(datas(records));
        assertThat(metrics.attempts.get()).isEqualTo(4);
        assertThat(metrics.successes.get()).isEqualTo(1);
        assertThat(metrics.deliveredRecords.get()).isEqualTo(5);
    }

    @Test
    void a413IsPermanentAndNotRetried() throws Exception {
        receiver.answerAlways(Mode.TOO_LARGE_413);
        List<DeliveryRecord> records = records(2);

        DeliveryResult result = deliver(config(receiver.url(), KEY, 20), records);

        assertThat(receiver.received()).hasSize(1);
        assertThat(result.failed()).hasSize(2);
        JsonNode envelope = envelope(result.failed().get(0));
        assertThat(envelope.path("errorCode").asText()).isEqualTo("HttpEndpoint.DestinationException");
        assertThat(envelope.path("errorMessage").asText()).contains("413", "Payload too large");
        assertThat(envelope.path("attemptsMade").asInt()).isEqualTo(1);
    }

    @Test
    void whenTheRetryDurationRunsOutTheRecordsComeBackWithTheServicesEnvelope() throws Exception {
        receiver.answerAlways(Mode.ERROR_500);
        List<DeliveryRecord> records = records(3);
        long start = System.currentTimeMillis();

        DeliveryResult result = deliver(config(receiver.url(), KEY, 2), records);

        long elapsed = System.currentTimeMillis() - start;
        assertThat(elapsed).isBetween(1_900L, 20_000L);
        assertThat(receiver.received().size()).isGreaterThanOrEqualTo(2);
        assertThat(result.failed()).extracting(FailedRecord::record).containsExactlyElementsOf(records);
        for (FailedRecord failed : result.failed()) {
            assertThat(failed.errorOutputType()).isEqualTo("http-endpoint-failed");
            JsonNode envelope = envelope(failed);
            assertThat(fieldNames(envelope)).containsExactly("attemptsMade", "arrivalTimestamp", "errorCode",
                "errorMessage", "attemptEndingTimestamp", "rawData", "subsequenceNumber", "dataId");
            assertThat(envelope.path("attemptsMade").asInt()).isEqualTo(receiver.received().size());
            assertThat(envelope.path("arrivalTimestamp").asLong()).isEqualTo(failed.record().arrivalMillis());
            assertThat(envelope.path("errorCode").asText()).isEqualTo("HttpEndpoint.DestinationException");
            assertThat(envelope.path("errorMessage").asText()).contains("500", "unknown error");
            assertThat(envelope.path("attemptEndingTimestamp").asLong()).isGreaterThanOrEqualTo(start);
            assertThat(Base64.getDecoder().decode(envelope.path("rawData").asText())).isEqualTo(failed.record().data());
            assertThat(envelope.path("dataId").asText()).isEqualTo(failed.record().recordId());
        }
    }

    @Test
    void zeroRetryDurationMeansOneAttempt() throws Exception {
        receiver.answerAlways(Mode.ERROR_500);
        DeliveryResult result = deliver(config(receiver.url(), KEY, 0), records(1));
        assertThat(receiver.received()).hasSize(1);
        assertThat(result.failed()).hasSize(1);
    }

    @Test
    void aWrongAccessKeyFailsWithTheEndpointsMessage() throws Exception {
        DeliveryResult result = deliver(config(receiver.url(), "wrong-key", 0), records(1));
        JsonNode envelope = envelope(result.failed().get(0));
        assertThat(envelope.path("errorCode").asText()).isEqualTo("HttpEndpoint.DestinationException");
        assertThat(envelope.path("errorMessage").asText()).contains("401", "wrong access key");
    }

    @Test
    void nonConformingAnswersAreInvalidResponses() throws Exception {
        for (Mode mode : List.of(Mode.GARBAGE_200, Mode.WRONG_REQUEST_ID)) {
            receiver.answerNext(mode);
            DeliveryResult result = deliver(config(receiver.url(), KEY, 0), records(1));
            assertThat(envelope(result.failed().get(0)).path("errorCode").asText())
                .as(mode.name()).isEqualTo("HttpEndpoint.InvalidResponseFromDestination");
        }
    }

    @Test
    void redirectsAreNotFollowed() throws Exception {
        receiver.answerNext(Mode.REDIRECT);
        DeliveryResult result = deliver(config(receiver.url(), KEY, 0), records(1));
        assertThat(envelope(result.failed().get(0)).path("errorMessage").asText()).contains("302");
        assertThat(receiver.received()).hasSize(1);
    }

    @Test
    void aSlowEndpointTimesOutAndIsRetried() throws Exception {
        receiver.slowMillis(3_000);
        receiver.answerNext(Mode.SLOW);
        List<DeliveryRecord> records = records(2);

        DeliveryResult result = deliver(config(receiver.url(), KEY, 60), records, HttpEndpointMetrics.NONE,
            Duration.ofMillis(500));

        assertThat(result.allDelivered()).isTrue();
        assertThat(receiver.received()).hasSize(2).extracting(Received::answeredWith).containsExactly(Mode.SLOW, Mode.OK);
        assertThat(receiver.received().get(1).requestId()).isEqualTo(receiver.received().get(0).requestId());
    }

    @Test
    void aTimeoutThatRunsOutIsARequestTimeout() throws Exception {
        receiver.slowMillis(3_000);
        receiver.answerNext(Mode.SLOW);
        DeliveryResult result = deliver(config(receiver.url(), KEY, 0), records(1), HttpEndpointMetrics.NONE,
            Duration.ofMillis(300));
        assertThat(envelope(result.failed().get(0)).path("errorCode").asText()).isEqualTo("HttpEndpoint.RequestTimeout");
    }

    @Test
    void aDroppedConnectionIsAConnectionReset() throws Exception {
        receiver.answerNext(Mode.DROP_CONNECTION);
        DeliveryResult result = deliver(config(receiver.url(), KEY, 0), records(1));
        assertThat(envelope(result.failed().get(0)).path("errorCode").asText()).isEqualTo("HttpEndpoint.ConnectionReset");
    }

    @Test
    void anEndpointThatIsDownIsAConnectionFailure() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        DeliveryResult result = deliver(config(URI.create("http://127.0.0.1:" + closedPort + "/"), KEY, 0), records(1));
        assertThat(envelope(result.failed().get(0)).path("errorCode").asText()).isEqualTo("HttpEndpoint.ConnectionFailed");
    }

    @Test
    void stoppingTheStreamInterruptsTheRetries() throws Exception {
        receiver.answerAlways(Mode.ERROR_500);
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread delivery = new Thread(() -> {
            try {
                deliver(config(receiver.url(), KEY, 60), records(1));
                outcome.set(new AssertionError("delivered"));
            } catch (Throwable t) {
                outcome.set(t);
            }
        });
        delivery.start();
        await().atMost(Duration.ofSeconds(20)).until(() -> !receiver.received().isEmpty());
        delivery.interrupt();
        delivery.join(20_000);
        assertThat(outcome.get()).isInstanceOf(InterruptedException.class);
    }

    @Test
    void moreThan10000RecordsGoAsSeveralRequestsInOrder() throws Exception {
        List<DeliveryRecord> records = records(10_001);

        assertThat(deliver(config(receiver.url(), KEY, 20), records).allDelivered()).isTrue();

        assertThat(receiver.received()).extracting(r -> r.records().size()).containsExactly(10_000, 1);
        assertThat(receiver.accepted()).containsExactlyElementsOf(datas(records));
        assertThat(receiver.received().get(0).requestId()).isNotEqualTo(receiver.received().get(1).requestId());
    }

    private static DeliveryResult deliver(ObjectNode config, List<DeliveryRecord> records) throws InterruptedException {
        return deliver(config, records, HttpEndpointMetrics.NONE, Duration.ofSeconds(30));
    }

    private static DeliveryResult deliver(ObjectNode config, List<DeliveryRecord> records, HttpEndpointMetrics metrics,
            Duration requestTimeout) throws InterruptedException {
        DeliveryStreamSpec spec = new DeliveryStreamSpec(STREAM, new DeliverySource.DirectPut(),
            DestinationKind.HTTP_ENDPOINT, config);
        try (HttpEndpointDestination destination = HttpEndpointDestination.from(spec, metrics, requestTimeout)) {
            return destination.deliver(new DeliveryBatch(STREAM, records));
        }
    }

    static ObjectNode config(URI url, String accessKey, int retrySeconds) {
        ObjectNode config = JSON.createObjectNode();
        config.putObject("EndpointConfiguration").put("Url", url.toString()).put("Name", "receiver")
            .put("AccessKey", accessKey);
        config.putObject("RetryOptions").put("DurationInSeconds", retrySeconds);
        config.putObject("S3Configuration").put("BucketARN", "arn:aws:s3:::backup");
        return config;
    }

    private static ObjectNode attribute(String name, String value) {
        return JSON.createObjectNode().put("AttributeName", name).put("AttributeValue", value);
    }

    private static List<DeliveryRecord> records(int n) {
        List<DeliveryRecord> records = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            records.add(new DeliveryRecord("49600000000000000000000000000000000000000000000000" + i + ".0",
                1_700_000_000_000L + i, ("{\"n\":" + i + ",\"bin\":\"\u00e9\u0000\"}").getBytes(StandardCharsets.UTF_8)));
        }
        return records;
    }

    private static List<byte[]> datas(List<DeliveryRecord> records) {
        return records.stream().map(DeliveryRecord::data).toList();
    }

    private static JsonNode envelope(FailedRecord failed) throws Exception {
        return JSON.readTree(failed.envelope());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Counts what the destination reports. */
    private static final class CountingMetrics implements HttpEndpointMetrics {
        final AtomicInteger attempts = new AtomicInteger();
        final AtomicInteger successes = new AtomicInteger();
        final AtomicLong deliveredRecords = new AtomicLong();

        @Override
        public void attempted(int records, long bytes) {
            attempts.incrementAndGet();
        }

        @Override
        public void answered(boolean success) {
            if (success) {
                successes.incrementAndGet();
            }
        }

        @Override
        public void delivered(int records, long bytes, long dataFreshnessMillis) {
            deliveredRecords.addAndGet(records);
        }

        @Override
        public void gaveUp(int records) {
        }
    }
}
