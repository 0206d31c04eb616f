package dev.freshet.delivery.process.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A Firehose transformation function served as a function URL on 127.0.0.1, for tests: it
 * receives the Lambda event as the POST body and answers what its {@link Handler} says. It records
 * every event it got, so tests can check the event's shape, the invocation count and retries.
 *
 * <p>Reusable by black-box tests (tests/ depends on delivery's test-jar):
 *
 * <pre>
 * try (TransformFunction fn = TransformFunction.start(TransformFunction.eachRecord(
 *         r -> TransformFunction.ok(r, upper(TransformFunction.data(r)))))) {
 *     … "LambdaArn": fn.url().toString() …
 * }
 * </pre>
 *
 * <p>Thread-safe.
 */
public final class TransformFunction implements AutoCloseable {

    /** What the function does with one event. */
    @FunctionalInterface
    public interface Handler {
        Reply handle(JsonNode event) throws Exception;
    }

    /**
     * An HTTP answer.
     *
     * @param delay how long to wait before answering (to provoke timeouts)
     */
    public record Reply(int status, Map<String, String> headers, byte[] body, Duration delay) {

        public static Reply json(JsonNode body) {
            return new Reply(200, Map.of("Content-Type", "application/json"), bytes(body), Duration.ZERO);
        }

        public static Reply raw(int status, String body) {
            return new Reply(status, Map.of(), body.getBytes(StandardCharsets.UTF_8), Duration.ZERO);
        }

        public Reply after(Duration wait) {
            return new Reply(status, headers, body, wait);
        }
    }

    public static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final List<JsonNode> events = Collections.synchronizedList(new ArrayList<>());
    private volatile Handler handler;

    private TransformFunction(Handler handler) throws IOException {
        this.handler = handler;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "transform-function");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::serve);
        server.start();
    }

    public static TransformFunction start(Handler handler) {
        try {
            return new TransformFunction(handler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The function URL, {@code http://127.0.0.1:<port>/}. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    public void respondWith(Handler next) {
        this.handler = next;
    }

    /** The events received, in order. */
    public List<JsonNode> events() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    public int invocations() {
        return events.size();
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    private void serve(HttpExchange exchange) throws IOException {
        try {
            JsonNode event = JSON.readTree(exchange.getRequestBody().readAllBytes());
            events.add(event);
            Reply reply;
            try {
                reply = handler.handle(event);
            } catch (Exception e) {
                reply = Reply.raw(502, "{\"errorMessage\":\"" + e.getClass().getSimpleName() + "\"}");
            }
            if (!reply.delay().isZero() && closed.await(reply.delay().toMillis(), TimeUnit.MILLISECONDS)) {
                return;
            }
            reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply.body());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            exchange.close();
        }
    }

    // ---- canned handlers and answers -------------------------------------------------------

    /** Answers every record of the event by {@code perRecord}, in order. */
    public static Handler eachRecord(Function<JsonNode, ObjectNode> perRecord) {
        return event -> {
            ObjectNode answer = JSON.createObjectNode();
            ArrayNode records = answer.putArray("records");
            for (JsonNode record : event.path("records")) {
                records.add(perRecord.apply(record));
            }
            return Reply.json(answer);
        };
    }

    /** The decoded data of an event record. */
    public static byte[] data(JsonNode eventRecord) {
        try {
            return eventRecord.get("data").binaryValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ObjectNode ok(JsonNode eventRecord, byte[] data) {
        return result(eventRecord.get("recordId").asText(), "Ok", data);
    }

    public static ObjectNode ok(JsonNode eventRecord, byte[] data, Map<String, String> partitionKeys) {
        ObjectNode result = ok(eventRecord, data);
        ObjectNode keys = result.putObject("metadata").putObject("partitionKeys");
        partitionKeys.forEach(keys::put);
        return result;
    }

    public static ObjectNode dropped(JsonNode eventRecord) {
        return result(eventRecord.get("recordId").asText(), "Dropped", null);
    }

    public static ObjectNode processingFailed(JsonNode eventRecord) {
        return result(eventRecord.get("recordId").asText(), "ProcessingFailed", null);
    }

    public static ObjectNode result(String recordId, String result, byte[] data) {
        ObjectNode node = JSON.createObjectNode();
        node.put("recordId", recordId);
        node.put("result", result);
        if (data != null) {
            node.put("data", data);
        }
        return node;
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
