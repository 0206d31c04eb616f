package dev.freshet.delivery.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.GZIPInputStream;

/**
 * A receiver implementing the Firehose HTTP endpoint delivery spec (protocol 1.0) on 127.0.0.1,
 * for tests: it checks the request (POST, {@code Content-Type: application/json}, protocol
 * version, request id header equal to the body's, base64 records) and the access key, records
 * what it received, and answers as the spec asks: 200 with {@code {requestId, timestamp}}, 401 with
 * an {@code errorMessage} for a wrong key, 400 for a request that breaks the spec (also kept in
 * {@link #violations()}). gzip bodies are decompressed.
 *
 * <p>Misbehaviour on demand: {@link #answerNext} queues one {@link Mode} per coming request, and
 * {@link #answerAlways} sets what comes after the queue is used up.
 *
 * <p>Thread-safe; close it to stop.
 */
public final class HttpEndpointReceiver implements AutoCloseable {

    /** How to answer a request (once it passed the spec and key checks). */
    public enum Mode {
        /** 200 {requestId, timestamp}. */
        OK,
        /** 500 with an errorMessage. */
        ERROR_500,
        /** 413 with an errorMessage: the permanent failure. */
        TOO_LARGE_413,
        /** 200 with a body that is not JSON. */
        GARBAGE_200,
        /** 200 JSON with some other requestId. */
        WRONG_REQUEST_ID,
        /** 302 to elsewhere (must not be followed). */
        REDIRECT,
        /** Waits {@code slowMillis} before answering 200. */
        SLOW,
        /** Closes the connection without an answer. */
        DROP_CONNECTION
    }

    /** One request as received (body decompressed and parsed). */
    public record Received(Map<String, List<String>> headers, String requestId, long timestamp, List<byte[]> records,
            boolean gzipped, Mode answeredWith) {

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String accessKey;
    private final HttpServer server;
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Mode> script = new ConcurrentLinkedQueue<>();
    private volatile Mode always = Mode.OK;
    private volatile long slowMillis = 5_000;

    /** @param accessKey the key requests must carry in X-Amz-Firehose-Access-Key; null: no key needed */
    public HttpEndpointReceiver(String accessKey) throws IOException {
        this.accessKey = accessKey;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(handlers);
        server.createContext("/", this::handle);
        server.start();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/firehose");
    }

    public void answerNext(Mode... modes) {
        script.addAll(List.of(modes));
    }

    public void answerAlways(Mode mode) {
        always = mode;
    }

    public void slowMillis(long millis) {
        slowMillis = millis;
    }

    /** Every request that passed the spec check, in arrival order. */
    public List<Received> received() {
        return List.copyOf(received);
    }

    /** Records of the requests answered 200 OK, in order (what the endpoint accepted). */
    public List<byte[]> accepted() {
        List<byte[]> records = new ArrayList<>();
        received.stream().filter(r -> r.answeredWith() == Mode.OK || r.answeredWith() == Mode.SLOW)
            .forEach(r -> records.addAll(r.records()));
        return records;
    }

    /** Spec violations seen (empty for a well-behaved sender). */
    public List<String> violations() {
        return List.copyOf(violations);
    }

    private void handle(HttpExchange exchange) throws IOException {
        // closing without an answer closes the connection: that is DROP_CONNECTION
        try {
            Headers headers = exchange.getRequestHeaders();
            String requestId = headers.getFirst("X-Amz-Firehose-Request-Id");
            byte[] body = readBody(exchange);
            JsonNode json = checkSpec(exchange, headers, body);
            if (json == null) {
                answer(exchange, 400, error(requestId, "request does not meet the spec"));
                return;
            }
            if (accessKey != null && !accessKey.equals(headers.getFirst("X-Amz-Firehose-Access-Key"))) {
                answer(exchange, 401, error(requestId, "Unauthorized: wrong access key"));
                return;
            }
            Mode mode = Objects.requireNonNullElse(script.poll(), always);
            received.add(new Received(Map.copyOf(headers), requestId, json.path("timestamp").asLong(), records(json),
                "gzip".equalsIgnoreCase(headers.getFirst("Content-Encoding")), mode));
            respond(exchange, requestId, mode);
        } finally {
            exchange.close();
        }
    }

    private void respond(HttpExchange exchange, String requestId, Mode mode) throws IOException {
        switch (mode) {
            case OK -> answer(exchange, 200, ok(requestId));
            case ERROR_500 -> answer(exchange, 500, error(requestId, "Unable to deliver records due to unknown error."));
            case TOO_LARGE_413 -> answer(exchange, 413, error(requestId, "Payload too large"));
            case GARBAGE_200 -> answer(exchange, 200, "<html>not json</html>".getBytes(StandardCharsets.UTF_8));
            case WRONG_REQUEST_ID -> answer(exchange, 200, ok("00000000-0000-0000-0000-000000000000"));
            case REDIRECT -> {
                exchange.getResponseHeaders().set("Location", "http://127.0.0.1:1/elsewhere");
                answer(exchange, 302, error(requestId, "moved"));
            }
            case SLOW -> {
                try {
                    Thread.sleep(slowMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                answer(exchange, 200, ok(requestId));
            }
            case DROP_CONNECTION -> throw new IOException("dropping the connection on purpose");
        }
    }

    /** The parsed body when the request meets the spec, else null (and the reason is recorded). */
    private JsonNode checkSpec(HttpExchange exchange, Headers headers, byte[] body) {
        List<String> problems = new ArrayList<>();
        expect(problems, "POST".equals(exchange.getRequestMethod()), "method is not POST");
        expect(problems, "application/json".equals(headers.getFirst("Content-Type")), "Content-Type not application/json");
        expect(problems, "1.0".equals(headers.getFirst("X-Amz-Firehose-Protocol-Version")), "protocol version not 1.0");
        expect(problems, headers.getFirst("X-Amz-Firehose-Source-Arn") != null, "no X-Amz-Firehose-Source-Arn");
        JsonNode json = null;
        try {
            json = JSON.readTree(body);
            expect(problems, json.path("requestId").asText("").equals(headers.getFirst("X-Amz-Firehose-Request-Id")),
                "body requestId differs from X-Amz-Firehose-Request-Id");
            expect(problems, json.path("timestamp").isIntegralNumber(), "timestamp not epoch milliseconds");
            expect(problems, json.path("records").isArray() && json.path("records").size() >= 1
                && json.path("records").size() <= 10_000, "records not 1..10,000");
            records(json);
        } catch (IOException | IllegalArgumentException e) {
            problems.add("body unreadable: " + e.getMessage());
        }
        violations.addAll(problems);
        return problems.isEmpty() ? json : null;
    }

    private static void expect(List<String> problems, boolean condition, String problem) {
        if (!condition) {
            problems.add(problem);
        }
    }

    private static byte[] readBody(HttpExchange exchange) throws IOException {
        InputStream in = exchange.getRequestBody();
        if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
            in = new GZIPInputStream(in);
        }
        return in.readAllBytes();
    }

    private static List<byte[]> records(JsonNode json) {
        List<byte[]> records = new ArrayList<>();
        for (JsonNode record : json.path("records")) {
            records.add(Base64.getDecoder().decode(record.path("data").asText()));
        }
        return records;
    }

    private static byte[] ok(String requestId) {
        ObjectNode body = JSON.createObjectNode().put("requestId", requestId).put("timestamp", System.currentTimeMillis());
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] error(String requestId, String message) {
        ObjectNode body = JSON.createObjectNode().put("requestId", requestId).put("timestamp", System.currentTimeMillis())
            .put("errorMessage", message);
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void answer(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }
}
