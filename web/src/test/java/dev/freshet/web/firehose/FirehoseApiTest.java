package dev.freshet.web.firehose;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.freshet.web.kinesis.KinesisModule;
import dev.freshet.web.metrics.Metrics;
import dev.freshet.web.server.FreshetRuntime;
import dev.freshet.web.server.config.ConfigParser;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Firehose endpoint in the assembled server: JSON shapes, validation and error answers. */
class FirehoseApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String S3 = "{\"RoleARN\":\"arn:aws:iam::000000000000:role/r\","
        + "\"BucketARN\":\"arn:aws:s3:::bucket-1\"";

    @TempDir
    static Path dir;
    static FreshetRuntime runtime;
    static RecordingEngine engine = new RecordingEngine();
    static PrometheusRegistry registry = new PrometheusRegistry();

    @BeforeAll
    static void start() throws Exception {
        KinesisModule.Factory kinesis = new KinesisModule.Factory();
        runtime = FreshetRuntime.start(new ConfigParser(Map.of()).parse("--port", "0", "--webrtc-port", "0",
            "--data-dir", dir.toString(), "--stream-transition-millis", "0"), new Metrics(registry),
            List.of(kinesis, new FirehoseModule.Factory(kinesis::dataStreams, context -> engine)));
    }

    @AfterAll
    static void stop() {
        runtime.stop();
    }

    @Test
    void createdStreamIsDescribedInTheServiceShape() throws Exception {
        HttpResponse<String> created = call("CreateDeliveryStream", "{\"DeliveryStreamName\":\"api-logs\","
            + "\"ExtendedS3DestinationConfiguration\":" + S3 + ",\"Prefix\":\"logs/\"},"
            + "\"Tags\":[{\"Key\":\"team\",\"Value\":\"data\"}]}");
        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(json(created).get("DeliveryStreamARN").asText())
            .isEqualTo("arn:aws:firehose:us-east-1:000000000000:deliverystream/api-logs");

        JsonNode description = json(call("DescribeDeliveryStream", "{\"DeliveryStreamName\":\"api-logs\"}"))
            .get("DeliveryStreamDescription");
        assertThat(description.get("DeliveryStreamStatus").asText()).isEqualTo("ACTIVE");
        assertThat(description.get("DeliveryStreamType").asText()).isEqualTo("DirectPut");
        assertThat(description.get("VersionId").asText()).isEqualTo("1");
        assertThat(description.get("CreateTimestamp").isNumber()).isTrue();
        assertThat(description.get("HasMoreDestinations").asBoolean()).isFalse();
        assertThat(description.get("DeliveryStreamEncryptionConfiguration").get("Status").asText()).isEqualTo("DISABLED");
        JsonNode destination = description.get("Destinations").get(0);
        assertThat(destination.get("DestinationId").asText()).isEqualTo("destinationId-000000000001");
        JsonNode s3 = destination.get("ExtendedS3DestinationDescription");
        assertThat(s3.get("Prefix").asText()).isEqualTo("logs/");
        assertThat(s3.get("BufferingHints")).isEqualTo(JSON.readTree("{\"SizeInMBs\":5,\"IntervalInSeconds\":300}"));
        assertThat(json(call("ListTagsForDeliveryStream", "{\"DeliveryStreamName\":\"api-logs\"}")))
            .isEqualTo(JSON.readTree("{\"Tags\":[{\"Key\":\"team\",\"Value\":\"data\"}],\"HasMoreTags\":false}"));
    }

    @Test
    void modelConstraintsAnswerValidationExceptionWithTheCoralMessage() throws Exception {
        HttpResponse<String> longName = call("DescribeDeliveryStream", "{\"DeliveryStreamName\":\"" + "x".repeat(65) + "\"}");
        assertError(longName, 400, "ValidationException", "1 validation error detected: Value '" + "x".repeat(65)
            + "' at 'deliveryStreamName' failed to satisfy constraint: Member must have length less than or equal to 64");

        HttpResponse<String> hints = call("CreateDeliveryStream", "{\"DeliveryStreamName\":\"api-hints\","
            + "\"ExtendedS3DestinationConfiguration\":" + S3 + ",\"BufferingHints\":{\"SizeInMBs\":200,"
            + "\"IntervalInSeconds\":60}}}");
        assertError(hints, 400, "ValidationException", "1 validation error detected: Value '200' at "
            + "'extendedS3DestinationConfiguration.bufferingHints.sizeInMBs' failed to satisfy constraint: "
            + "Member must have value less than or equal to 128");
    }

    @Test
    void unknownMembersInsideConfigurationsAreNamed() throws Exception {
        HttpResponse<String> misspelt = call("CreateDeliveryStream", "{\"DeliveryStreamName\":\"api-typo\","
            + "\"ExtendedS3DestinationConfiguration\":" + S3 + ",\"BufferingHints\":{\"SizeInMB\":5}}}");
        assertThat(misspelt.statusCode()).isEqualTo(400);
        assertThat(json(misspelt).get("__type").asText()).isEqualTo("ValidationException");
        assertThat(json(misspelt).get("message").asText()).startsWith(
            "Unknown parameter: ExtendedS3DestinationConfiguration.BufferingHints.SizeInMB, must be one of: SizeInMBs, "
                + "IntervalInSeconds");
    }

    @Test
    void catalogRefusalsCarryTheirTypeAndMessage() throws Exception {
        assertError(call("DescribeDeliveryStream", "{\"DeliveryStreamName\":\"api-none\"}"), 400,
            "ResourceNotFoundException", "Firehose stream api-none under account 000000000000 not found.");
        HttpResponse<String> prefix = call("CreateDeliveryStream", "{\"DeliveryStreamName\":\"api-prefix\","
            + "\"ExtendedS3DestinationConfiguration\":" + S3 + ",\"Prefix\":\"!{timestamp:yyyy}/\"}}");
        assertThat(prefix.statusCode()).isEqualTo(400);
        assertThat(json(prefix).get("__type").asText()).isEqualTo("InvalidArgumentException");
        assertThat(json(prefix).get("message").asText()).contains("ErrorOutputPrefix cannot be null or empty");
        assertThat(call("NoSuchOperation", "{}").statusCode()).isEqualTo(400);
    }

    @Test
    void recordsAreBase64InAndRecordIdsOutAndCounted() throws Exception {
        call("CreateDeliveryStream", "{\"DeliveryStreamName\":\"api-put\",\"S3DestinationConfiguration\":" + S3 + "}}");
        HttpResponse<String> batch = call("PutRecordBatch", "{\"DeliveryStreamName\":\"api-put\",\"Records\":["
            + "{\"Data\":\"aGVsbG8=\"},{\"Data\":\"d29ybGQ=\"}]}");
        assertThat(json(batch)).isEqualTo(JSON.readTree("{\"FailedPutCount\":0,\"Encrypted\":false,\"RequestResponses\":["
            + "{\"RecordId\":\"rec-1\"},{\"RecordId\":\"rec-2\"}]}"));
        assertThat(engine.records).extracting(String::new).containsExactly("hello", "world");
        HttpResponse<String> one = call("PutRecord", "{\"DeliveryStreamName\":\"api-put\",\"Record\":{\"Data\":\"IQ==\"}}");
        assertThat(json(one).get("RecordId").asText()).isEqualTo("rec-3");
        assertThat(incomingRecords("api-put")).isEqualTo(3);

        HttpResponse<String> garbage = call("PutRecord", "{\"DeliveryStreamName\":\"api-put\",\"Record\":{\"Data\":\"@@\"}}");
        assertThat(garbage.statusCode()).isEqualTo(400);
        assertThat(json(garbage).get("__type").asText()).isEqualTo("SerializationException");
    }

    private static double incomingRecords(String stream) {
        for (var snapshot : registry.scrape()) {
            if (snapshot instanceof CounterSnapshot counter
                && counter.getMetadata().getPrometheusName().equals("freshet_firehose_incoming_records")) {
                return counter.getDataPoints().stream()
                    .filter(point -> stream.equals(point.getLabels().get("delivery_stream")))
                    .mapToDouble(CounterSnapshot.CounterDataPointSnapshot::getValue).sum();
            }
        }
        return 0;
    }

    private static void assertError(HttpResponse<String> response, int status, String type, String message)
            throws Exception {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("x-amzn-ErrorType").orElse("")).startsWith(type + ":");
        assertThat(json(response)).isEqualTo(JSON.createObjectNode().put("__type", type).put("message", message));
    }

    private static HttpResponse<String> call(String operation, String body) throws Exception {
        URI uri = runtime.server().httpUri().resolve("/");
        return HTTP.send(HttpRequest.newBuilder(uri).header("X-Amz-Target", "Firehose_20150804." + operation)
            .header("Content-Type", "application/x-amz-json-1.1").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
            HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }
}
