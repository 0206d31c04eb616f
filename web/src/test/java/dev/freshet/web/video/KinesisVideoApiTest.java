package dev.freshet.web.video;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.freshet.web.metrics.Metrics;
import dev.freshet.web.server.FreshetRuntime;
import dev.freshet.web.server.ServiceAssembly;
import dev.freshet.web.server.config.ConfigParser;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The REST-JSON edge of Kinesis Video Streams in the assembled server: answers, error shapes, routing. */
class KinesisVideoApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path dir;
    static FreshetRuntime runtime;

    @BeforeAll
    static void start() throws Exception {
        runtime = FreshetRuntime.start(new ConfigParser(Map.of()).parse("--port", "0", "--webrtc-port", "0",
            "--data-dir", dir.toString(), "--stream-transition-millis", "0"), new Metrics(new PrometheusRegistry()),
            ServiceAssembly.factories());
    }

    @AfterAll
    static void stop() {
        runtime.stop();
    }

    @Test
    void createdStreamIsDescribedWithEpochSecondTimestamps() throws Exception {
        HttpResponse<String> created = post("/createStream", "{\"StreamName\":\"api-cam\",\"DataRetentionInHours\":2,"
            + "\"MediaType\":\"video/h264\",\"Tags\":{\"site\":\"north\"}}");
        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(created.headers().firstValue("Content-Type")).contains("application/json");
        String arn = json(created).get("StreamARN").asText();
        assertThat(arn).matches("arn:aws:kinesisvideo:us-east-1:\\d{12}:stream/api-cam/\\d{13}");

        JsonNode info = json(post("/describeStream", "{\"StreamARN\":\"" + arn + "\"}")).get("StreamInfo");

        assertThat(info.get("StreamName").asText()).isEqualTo("api-cam");
        assertThat(info.get("Status").asText()).isEqualTo("ACTIVE");
        assertThat(info.get("DataRetentionInHours").asInt()).isEqualTo(2);
        assertThat(info.get("CreationTime").isNumber()).isTrue();
        long createdMillis = Long.parseLong(arn.substring(arn.lastIndexOf('/') + 1));
        assertThat(info.get("CreationTime").decimalValue()).isEqualByComparingTo(BigDecimal.valueOf(createdMillis, 3));
        assertThat(json(post("/ListTagsForResource", "{\"ResourceARN\":\"" + arn + "\"}")).get("Tags"))
            .isEqualTo(JSON.readTree("{\"site\":\"north\"}"));
    }

    @Test
    void serviceErrorsCarryTheirStatusTypeHeaderAndMessage() throws Exception {
        HttpResponse<String> missing = post("/describeStream", "{\"StreamName\":\"nope\"}");

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("x-amzn-ErrorType")).contains("ResourceNotFoundException");
        assertThat(missing.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(missing.body()).isEqualTo("{\"message\":\"The requested stream is not found or not active.\"}");
    }

    @Test
    void staleVersionsAreVersionMismatchException() throws Exception {
        post("/createStream", "{\"StreamName\":\"api-versioned\"}");

        HttpResponse<String> stale = post("/updateStream", "{\"StreamName\":\"api-versioned\",\"CurrentVersion\":\"old\"}");

        assertError(stale, 400, "VersionMismatchException");
    }

    @Test
    void modelViolationsAreValidationExceptionInTheServicesWording() throws Exception {
        HttpResponse<String> badName = post("/createStream", "{\"StreamName\":\"no spaces\"}");
        HttpResponse<String> noName = post("/createStream", "{}");
        HttpResponse<String> badEnum = post("/getDataEndpoint", "{\"StreamName\":\"x\",\"APIName\":\"PUT\"}");

        assertError(badName, 400, "ValidationException");
        assertThat(json(badName).get("message").asText()).isEqualTo("1 validation error detected: Value 'no spaces' at "
            + "'streamName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
        assertThat(json(noName).get("message").asText()).contains("Value null at 'streamName'");
        assertError(badEnum, 400, "ValidationException");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "[1,2]", "{\"StreamName\":5}", "{\"StreamName\":\"a\""})
    void bodiesThatAreNotTheModelsJsonAreSerializationException(String body) throws Exception {
        assertError(post("/describeStream", body), 400, "SerializationException");
    }

    @Test
    void edgeOperationsAreRefusedWithAClearInvalidArgumentException() throws Exception {
        HttpResponse<String> edge = post("/startEdgeConfigurationUpdate", "{}");

        assertError(edge, 400, "InvalidArgumentException");
        assertThat(json(edge).get("message").asText()).contains("edge agent");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/tagResource", "/CreateStream", "/createStream/", "/listfragments", "/hls/v2/x"})
    void misspelledPathsAreTheServers404(String path) throws Exception {
        assertThat(post(path, "{}").statusCode()).isEqualTo(404);
    }

    @Test
    void otherMethodsThanPostAreTheServers404() throws Exception {
        HttpResponse<String> get = HTTP.send(HttpRequest.newBuilder(uri("/listStreams")).GET().build(),
            BodyHandlers.ofString());

        assertThat(get.statusCode()).isEqualTo(404);
    }

    @Test
    void dataEndpointIsThisServerAsTheRequestReachedIt() throws Exception {
        post("/createStream", "{\"StreamName\":\"api-endpoint\"}");
        String body = "{\"StreamName\":\"api-endpoint\",\"APIName\":\"GET_HLS_STREAMING_SESSION_URL\"}";

        assertThat(json(post("/getDataEndpoint", body)).get("DataEndpoint").asText())
            .isEqualTo(runtime.server().httpUri().toString());
        assertThat(rawPost("/getDataEndpoint", "video.example:8443", body)).endsWith("{\"DataEndpoint\":\"http://video.example:8443\"}");
        assertThat(rawPost("/getDataEndpoint", null, body))
            .contains("\"DataEndpoint\":\"http://127.0.0.1:" + runtime.server().httpAddress().getPort());
    }

    private static void assertError(HttpResponse<String> response, int status, String type) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains(type);
        assertThat(json(response).has("message")).isTrue();
    }

    static HttpResponse<String> post(String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
            .POST(BodyPublishers.ofString(body)).build(), BodyHandlers.ofString());
    }

    /** An HTTP/1.1 request with the given Host header, or (host null) an HTTP/1.0 one without any. */
    private static String rawPost(String path, String host, String body) throws IOException {
        String head = host == null ? "POST " + path + " HTTP/1.0\r\n"
            : "POST " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n";
        try (Socket socket = new Socket("127.0.0.1", runtime.server().httpAddress().getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write((head + "Content-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n" + body)
                .getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static URI uri(String path) {
        return runtime.server().httpUri().resolve(path);
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }
}
