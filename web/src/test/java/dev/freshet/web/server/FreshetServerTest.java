package dev.freshet.web.server;

import static dev.freshet.web.server.TestServers.ECHO;
import static dev.freshet.web.server.TestServers.at;
import static dev.freshet.web.server.TestServers.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.freshet.web.metrics.Metrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.undertow.server.HttpHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The server in-process on a free port, driven over HTTP/1.1 by the JDK client. */
class FreshetServerTest {

    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();
    private final Metrics metrics = new Metrics(new PrometheusRegistry());
    private FreshetServer server;

    @BeforeEach
    void start() throws Exception {
        HttpHandler failing = exchange -> {
            throw new IllegalStateException("broken handler");
        };
        HttpHandler failingOnWorker = exchange -> exchange.dispatch(inner -> {
            throw new IllegalStateException("broken worker");
        });
        server = TestServers.start(metrics, Map.of(ECHO, TestServers.echo(), "Failing_1", failing,
            "FailingOnWorker_1", failingOnWorker), "--max-request-bytes", "1024");
    }

    @AfterEach
    void stop() {
        server.stop(Duration.ZERO);
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return client.send(request, BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    @Test
    void healthReportsUpWithVersionAndUptime() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(at(server, "/health")).build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        JsonNode body = json(response);
        assertThat(body.get("status").asText()).isEqualTo("UP");
        assertThat(body.get("version").asText()).isNotBlank();
        assertThat(body.get("uptimeSeconds").asLong()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void everyResponseCarriesItsOwnRequestId() throws Exception {
        Set<String> ids = new HashSet<>();
        for (HttpRequest request : new HttpRequest[] {
            HttpRequest.newBuilder(at(server, "/health")).build(),
            HttpRequest.newBuilder(at(server, "/nowhere")).build(),
            call(server, "Nobody_1.Op").POST(BodyPublishers.ofString("{}")).build(),
            call(server, ECHO + ".Ping").POST(BodyPublishers.ofString("{}")).build(),
            call(server, "Failing_1.Op").POST(BodyPublishers.ofString("{}")).build()}) {
            HttpResponse<String> response = send(request);
            assertThat(response.headers().firstValue("x-amzn-RequestId")).hasValueSatisfying(id -> {
                assertThat(id).matches(UUID);
                ids.add(id);
            });
            assertThat(response.headers().firstValue("x-amz-id-2")).hasValueSatisfying(id2 ->
                assertThat(id2).matches("[A-Za-z0-9+/]{64}"));
        }
        assertThat(ids).hasSize(5);
    }

    @Test
    void targetIsRoutedToTheServiceHandler() throws Exception {
        HttpResponse<String> response = send(call(server, ECHO + ".PutThing").POST(BodyPublishers.ofString("12345")).build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("operation").asText()).isEqualTo("PutThing");
        assertThat(json(response).get("bytes").asInt()).isEqualTo(5);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Kinesis_20131202.ListStreams", "Echo_20200101", "Echo_20200101.", ".Ping"})
    void callWithoutAKnownTargetIsAnUnknownOperation(String target) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(at(server, "/")).POST(BodyPublishers.ofString("{}"));
        if (!target.isEmpty()) {
            request.header("X-Amz-Target", target);
        }
        HttpResponse<String> response = send(request.build());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains("UnknownOperationException");
        assertThat(response.headers().firstValue("Content-Type")).contains("application/x-amz-json-1.1");
        assertThat(response.body()).isEqualTo("{\"__type\":\"UnknownOperationException\"}");
    }

    @Test
    void errorsTheServerRaisesComeInTheRequestsEncoding() throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(at(server, "/"))
            .header("X-Amz-Target", "Nope_1.Op").header("Content-Type", "application/x-amz-cbor-1.1")
            .POST(BodyPublishers.ofByteArray(new byte[] {(byte) 0xbf, (byte) 0xff})).build(), BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/x-amz-cbor-1.1");
        JsonNode body = new com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper().readTree(response.body());
        assertThat(body.get("__type").asText()).isEqualTo("UnknownOperationException");
    }

    @Test
    void otherPathsAndMethodsAreNotFound() throws Exception {
        assertThat(send(HttpRequest.newBuilder(at(server, "/nowhere")).build()).statusCode()).isEqualTo(404);
        assertThat(send(HttpRequest.newBuilder(at(server, "/")).header("X-Amz-Target", ECHO + ".Ping").build())
            .statusCode()).isEqualTo(404);
        assertThat(send(HttpRequest.newBuilder(at(server, "/health")).POST(BodyPublishers.noBody()).build())
            .statusCode()).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Failing_1.Op", "FailingOnWorker_1.Op"})
    void handlerFailureIsInternalFailureAndTheConnectionLivesOn(String target) throws Exception {
        HttpResponse<String> failed = send(call(server, target).POST(BodyPublishers.ofString("{}")).build());

        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(failed.headers().firstValue("x-amzn-ErrorType")).contains("InternalFailure");
        assertThat(json(failed).get("__type").asText()).isEqualTo("InternalFailure");
        assertThat(json(failed).get("message").asText()).contains(failed.headers().firstValue("x-amzn-RequestId").orElseThrow());
        assertThat(send(HttpRequest.newBuilder(at(server, "/health")).build()).statusCode()).isEqualTo(200);
    }

    @Test
    void declaredBodyOverTheLimitIsRefused() throws Exception {
        HttpResponse<String> response = send(call(server, ECHO + ".Put").POST(BodyPublishers.ofByteArray(new byte[2048])).build());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).isEqualTo("{\"__type\":\"SerializationException\",\"Message\":\"Request body too large\"}");
    }

    @Test
    void chunkedBodyOverTheLimitIsRefusedAndTheConnectionClosed() throws Exception {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(("POST / HTTP/1.1\r\nHost: test\r\nX-Amz-Target: " + ECHO + ".Put\r\n"
            + "Transfer-Encoding: chunked\r\n\r\n800\r\n").getBytes(StandardCharsets.US_ASCII));
        request.writeBytes(new byte[0x800]);
        request.writeBytes("\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));

        try (RawHttp connection = new RawHttp(server.httpAddress())) {
            RawHttp.Response response = connection.send(request.toByteArray());

            assertThat(response.status()).isEqualTo(413);
            assertThat(response.body()).isEqualTo("{\"__type\":\"SerializationException\",\"Message\":\"Request body too large\"}");
            assertThat(connection.closedByServer()).isTrue();
        }
    }

    @Test
    void chunkedBodyWithinTheLimitIsRead() throws Exception {
        HttpRequest request = call(server, ECHO + ".Put")
            .POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[1000]))).build();

        HttpResponse<String> response = send(request);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("bytes").asInt()).isEqualTo(1000);
    }

    @Test
    void bodyAtTheLimitIsAccepted() throws Exception {
        HttpResponse<String> response = send(call(server, ECHO + ".Put").POST(BodyPublishers.ofByteArray(new byte[1024])).build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("bytes").asInt()).isEqualTo(1024);
    }

    @Test
    void metricsArePrometheusTextWithLatencyPerOperation() throws Exception {
        send(call(server, ECHO + ".PutThing").POST(BodyPublishers.ofString("{}")).build());
        send(call(server, "Nobody_1.Op").POST(BodyPublishers.ofString("{}")).build());

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            HttpResponse<String> response = send(HttpRequest.newBuilder(at(server, "/metrics")).build());
            assertThat(response.headers().firstValue("Content-Type")).contains("text/plain; version=0.0.4; charset=utf-8");
            assertThat(response.body())
                .contains("freshet_request_duration_seconds_count{operation=\"PutThing\",service=\"Echo_20200101\",status=\"200\"} 1\n")
                .contains("freshet_request_duration_seconds_count{operation=\"unknown\",service=\"unknown\",status=\"400\"} 1\n");
        });
    }

    @Test
    void metricsSpeakOpenMetricsWhenAsked() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(at(server, "/metrics"))
            .header("Accept", "application/openmetrics-text; version=1.0.0; charset=utf-8").build());

        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
            assertThat(type).startsWith("application/openmetrics-text"));
        assertThat(response.body()).endsWith("# EOF\n");
    }

    @Test
    void streamMetricsAppearOnTheEndpoint() throws Exception {
        metrics.streams().incoming("orders", "shardId-000000000000", false, 2, 20);

        String body = send(HttpRequest.newBuilder(at(server, "/metrics")).build()).body();

        assertThat(body).contains("freshet_kinesis_incoming_records_total{stream=\"orders\"} 2.0\n");
    }

    @Test
    void aTakenPortIsAStartupError() throws Exception {
        int taken = server.httpAddress().getPort();
        FreshetServer second = new FreshetServer(TestServers.config("--port=" + taken), Map.of(), metrics);

        assertThatThrownBy(second::start).isInstanceOf(StartupException.class)
            .hasMessageContaining("port " + taken).hasMessageContaining("in use");
    }
}
