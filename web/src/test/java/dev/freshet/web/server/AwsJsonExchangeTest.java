package dev.freshet.web.server;

import static dev.freshet.web.server.TestServers.call;
import static org.assertj.core.api.Assertions.assertThat;

import dev.freshet.web.protocol.AwsError;
import dev.freshet.web.protocol.WireFormat;
import io.undertow.server.HttpHandler;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Answers reach the client whichever thread produces them: the I/O thread, a worker reached by
 * dispatching a Runnable (the Kinesis and Firehose handlers), or a worker running a dispatched
 * HttpHandler, after which Undertow would end an exchange nobody had answered yet.
 */
class AwsJsonExchangeTest {

    private static final String SERVICE = "Answers_20200101";

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();
    private FreshetServer server;

    @BeforeEach
    void start() throws Exception {
        server = TestServers.start(Map.of(SERVICE, answers()));
    }

    @AfterEach
    void stop() {
        server.stop(Duration.ZERO);
    }

    @Test
    void everyWayOfAnsweringReachesTheClientOnOneKeptAliveConnection() throws Exception {
        for (int i = 0; i < 200; i++) {
            for (String way : new String[] {"io", "runnable", "handler"}) {
                HttpResponse<String> response = send(way, "body-" + i);
                assertThat(response.statusCode()).as(way).isEqualTo(200);
                assertThat(response.body()).as(way).isEqualTo(way + ":body-" + i);
            }
        }
    }

    @Test
    void errorsFromAWorkerCarryTheirStatusTypeAndBody() throws Exception {
        HttpResponse<String> response = send("error", "x");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("x-amzn-ErrorType").orElseThrow()).startsWith("ValidationException");
        assertThat(response.body()).contains("ValidationException").contains("bad x");
    }

    private HttpResponse<String> send(String way, String body) throws Exception {
        return client.send(call(server, SERVICE + "." + way).POST(BodyPublishers.ofString(body)).build(),
            BodyHandlers.ofString());
    }

    /** Answers "<way>:<body>" from the thread the operation names ("error": a ValidationException). */
    private static HttpHandler answers() {
        return exchange -> FullBodyReceiver.receive(exchange, (ex, bytes) -> {
            String way = ex.getRequestHeaders().getFirst("X-Amz-Target").substring(SERVICE.length() + 1);
            String text = new String(bytes, StandardCharsets.UTF_8);
            ByteBuffer answer = ByteBuffer.wrap((way + ":" + text).getBytes(StandardCharsets.UTF_8));
            switch (way) {
                case "io" -> AwsJsonExchange.respond(ex, WireFormat.JSON, answer);
                case "runnable" -> ex.dispatch(() -> AwsJsonExchange.respond(ex, WireFormat.JSON, answer));
                case "handler" -> ex.dispatch((HttpHandler) worker -> AwsJsonExchange.respond(worker, WireFormat.JSON, answer));
                default -> ex.dispatch(() -> AwsJsonExchange.error(ex, WireFormat.JSON, AwsError.validation("bad " + text)));
            }
        }, RequestBodyErrors.CALLBACK);
    }
}
