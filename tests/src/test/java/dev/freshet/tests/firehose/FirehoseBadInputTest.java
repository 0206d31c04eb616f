package dev.freshet.tests.firehose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.freshet.tests.harness.FreshetServer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.firehose.model.Record;

/** Malformed and oversized Firehose requests: refused with the service's error types, the server keeps serving. */
class FirehoseBadInputTest {

    @RegisterExtension
    static final FreshetServer server = new FreshetServer();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    static FirehoseClient firehose;

    @BeforeAll
    static void stream() {
        firehose = Firehoses.client(server.endpoint());
        firehose.createDeliveryStream(r -> r.deliveryStreamName("bad-input")
            .extendedS3DestinationConfiguration(Firehoses.extendedS3("bad-input-bucket").build()));
    }

    @AfterAll
    static void close() {
        firehose.close();
    }

    @Test
    void aRecordOverOneThousandKibibytesIsAValidationError() {
        byte[] big = new byte[1_024_001];
        assertThatThrownBy(() -> firehose.putRecord(r -> r.deliveryStreamName("bad-input")
            .record(x -> x.data(SdkBytes.fromByteArray(big)))))
            .isInstanceOfSatisfying(AwsServiceException.class, e -> {
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("1 validation error detected: Value "
                    + "'java.nio.HeapByteBuffer[pos=0 lim=1024001 cap=1024001]' at 'record.data' failed to satisfy "
                    + "constraint: Member must have length less than or equal to 1024000");
            });
    }

    @Test
    void moreThanFiveHundredRecordsAreAValidationError() {
        List<Record> records = new ArrayList<>();
        for (int i = 0; i < 501; i++) {
            records.add(Record.builder().data(SdkBytes.fromUtf8String("r" + i)).build());
        }
        assertThatThrownBy(() -> firehose.putRecordBatch(r -> r.deliveryStreamName("bad-input").records(records)))
            .isInstanceOfSatisfying(AwsServiceException.class, e -> {
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                assertThat(e.awsErrorDetails().errorMessage()).contains("at 'records' failed to satisfy constraint: "
                    + "Member must have length less than or equal to 500");
            });
    }

    @Test
    void aBatchOverFourMebibytesIsInvalidArgument() {
        List<Record> records = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            records.add(Record.builder().data(SdkBytes.fromByteArray(new byte[1_000_000])).build());
        }
        assertThatThrownBy(() -> firehose.putRecordBatch(r -> r.deliveryStreamName("bad-input").records(records)))
            .isInstanceOfSatisfying(AwsServiceException.class, e -> {
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidArgumentException");
                assertThat(e.awsErrorDetails().errorMessage()).contains("exceeds 4 MB");
            });
    }

    @Test
    void invalidBase64IsASerializationException() throws Exception {
        HttpResponse<String> response = raw("PutRecord", "{\"DeliveryStreamName\":\"bad-input\",\"Record\":"
            + "{\"Data\":\"not base64!\"}}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("__type").asText()).isEqualTo("SerializationException");
        HttpResponse<String> batch = raw("PutRecordBatch", "{\"DeliveryStreamName\":\"bad-input\",\"Records\":"
            + "[{\"Data\":\"aGk=\"},{\"Data\":\"%%%\"}]}");
        assertThat(batch.statusCode()).isEqualTo(400);
        assertThat(json(batch).get("__type").asText()).isEqualTo("SerializationException");
        HttpResponse<String> garbage = raw("DescribeDeliveryStream", "{\"DeliveryStreamName\":");
        assertThat(garbage.statusCode()).isEqualTo(400);
        assertThat(json(garbage).get("__type").asText()).isEqualTo("SerializationException");
        HttpResponse<String> unknown = raw("CreateDeliveryStream", "{\"DeliveryStreamName\":\"bad-typo\","
            + "\"ExtendedS3DestinationConfiguration\":{\"RoleARN\":\"" + Firehoses.ROLE + "\",\"BucketARN\":"
            + "\"arn:aws:s3:::b-1\",\"CompresionFormat\":\"GZIP\"}}");
        assertThat(json(unknown).get("__type").asText()).isEqualTo("ValidationException");
        assertThat(json(unknown).get("message").asText())
            .startsWith("Unknown parameter: ExtendedS3DestinationConfiguration.CompresionFormat");
        assertThat(firehose.describeDeliveryStream(r -> r.deliveryStreamName("bad-input")).deliveryStreamDescription()
            .deliveryStreamName()).isEqualTo("bad-input");
    }

    private static HttpResponse<String> raw(String operation, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(server.endpoint().resolve("/"))
            .header("X-Amz-Target", "Firehose_20150804." + operation)
            .header("Content-Type", "application/x-amz-json-1.1")
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }
}
