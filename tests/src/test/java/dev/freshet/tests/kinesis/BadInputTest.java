package dev.freshet.tests.kinesis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freshet.tests.harness.FreshetServer;
import dev.freshet.tests.harness.RawKinesis;
import dev.freshet.tests.harness.Streams;
import dev.freshet.tests.harness.Wire;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/**
 * Malformed requests over raw HTTP each get an AWS-shaped error ({@code __type}, status 400 or 413) and
 * leave the server serving: after every test a record round trip still works and earlier records are intact.
 */
class BadInputTest {
    @RegisterExtension
    static final FreshetServer server = new FreshetServer();

    private static RawKinesis raw;
    private static KinesisClient kinesis;
    private static String canaryStream;
    private static final List<String> canaries = new ArrayList<>();

    @BeforeAll
    static void canaryStream() {
        raw = new RawKinesis(server.endpoint());
        kinesis = server.client();
        canaryStream = Streams.create(kinesis, "canary", 1);
    }

    @AfterEach
    void serverStillServesAndKeepsEarlierData() {
        String canary = "canary-" + canaries.size();
        Streams.put(kinesis, canaryStream, "k", canary);
        canaries.add(canary);
        assertThat(Streams.readAll(kinesis, canaryStream, "shardId-000000000000"))
                .extracting(r -> r.data().asUtf8String()).containsExactlyElementsOf(canaries);
    }

    @Test
    void malformedJsonIsASerializationError() {
        assertError(raw.postJson("PutRecord", "{\"StreamName\": \"" + canaryStream + "\", \"Data\": "), 400,
                "SerializationException");
        assertError(raw.postJson("ListStreams", "{\"Limit\": 1,,}"), 400, "SerializationException");
    }

    @Test
    void malformedCborIsASerializationError() {
        byte[] truncatedMap = Arrays.copyOf(RawKinesis.cbor(RawKinesis.map("StreamName", canaryStream,
                "PartitionKey", "k", "Data", new byte[] {1, 2, 3})), 12);
        assertError(raw.post("PutRecord", Wire.CBOR.contentType(), truncatedMap), 400, "SerializationException");
        assertError(raw.post("DescribeStream", Wire.CBOR.contentType(), new byte[] {(byte) 0xff, (byte) 0xfe, 0x00}),
                400, "SerializationException");
    }

    @Test
    void wrongFieldTypesAreASerializationError() {
        assertError(raw.postJson("CreateStream", "{\"StreamName\": 123, \"ShardCount\": 1}"), 400,
                "SerializationException");
        assertError(raw.postJson("CreateStream", "{\"StreamName\": \"typed\", \"ShardCount\": \"two\"}"), 400,
                "SerializationException");
        assertError(raw.post("DescribeStream", Wire.CBOR.contentType(), RawKinesis.cbor(RawKinesis.map(
                "StreamName", List.of("a", "b")))), 400, "SerializationException");
    }

    @Test
    void unknownOrMissingOperationIsAnUnknownOperation() {
        assertError(raw.postJson("Nope", "{}"), 400, "UnknownOperationException");
        assertError(raw.postJson(null, "{}"), 400, "UnknownOperationException");
    }

    @Test
    void hugeNumbersAreRejectedNotOverflowed() {
        RawKinesis.Response huge = raw.postJson("CreateStream",
                "{\"StreamName\": \"huge\", \"ShardCount\": 99999999999999999999999999}");
        assertThat(huge.status()).as(huge.toString()).isEqualTo(400);
        assertThat(huge.errorType()).as(huge.toString()).isIn("SerializationException", "ValidationException",
                "InvalidArgumentException", "LimitExceededException");
        RawKinesis.Response overflow = raw.postJson("ListStreams", "{\"Limit\": 1e400}");
        assertThat(overflow.status()).as(overflow.toString()).isEqualTo(400);
        assertThat(kinesis.listStreams().streamNames()).doesNotContain("huge");
    }

    @Test
    void negativeLimitsFailValidation() {
        String iterator = Streams.iterator(kinesis, canaryStream, "shardId-000000000000", ShardIteratorType.LATEST);
        RawKinesis.Response getRecords = raw.postJson("GetRecords",
                "{\"ShardIterator\": \"" + iterator + "\", \"Limit\": -1}");
        assertError(getRecords, 400, "ValidationException");
        assertThat(getRecords.message()).contains("Value '-1' at 'limit' failed to satisfy constraint: "
                + "Member must have value greater than or equal to 1");
        assertError(raw.postJson("ListStreams", "{\"Limit\": -5}"), 400, "ValidationException");
    }

    @Test
    void dataThatIsNotBase64IsASerializationError() {
        assertError(raw.postJson("PutRecord", "{\"StreamName\": \"" + canaryStream
                + "\", \"PartitionKey\": \"k\", \"Data\": \"!!not*base64!!\"}"), 400, "SerializationException");
    }

    @Test
    void oversizedBodyIsRefused() {
        byte[] body = new byte[40 * 1024 * 1024];
        Arrays.fill(body, (byte) 'A');
        byte[] prefix = ("{\"StreamName\": \"" + canaryStream + "\", \"PartitionKey\": \"k\", \"Data\": \"")
                .getBytes(StandardCharsets.UTF_8);
        System.arraycopy(prefix, 0, body, 0, prefix.length);
        body[body.length - 2] = '"';
        body[body.length - 1] = '}';

        RawKinesis.Response response = raw.post("PutRecord", Wire.JSON.contentType(), body);

        assertThat(response.status()).as(response.toString()).isIn(400, 413);
        if (response.status() == 400) {
            assertThat(response.errorType()).isNotBlank();
        }
    }

    @Test
    void truncatedBodyAndEarlyCloseDoNotHurtTheServer() throws Exception {
        byte[] body = ("{\"StreamName\": \"" + canaryStream + "\", \"PartitionKey\": \"k\", \"Data\": \"AAAA\"}")
                .getBytes(StandardCharsets.UTF_8);
        for (int sent : new int[] {0, 10, body.length - 1}) {
            raw.postTruncated("PutRecord", body, sent);
        }
    }

    private static void assertError(RawKinesis.Response response, int status, String type) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.errorType()).as(response.toString()).isEqualTo(type);
        assertThat(response.requestId()).as("x-amzn-RequestId of " + response).isNotBlank();
    }
}
