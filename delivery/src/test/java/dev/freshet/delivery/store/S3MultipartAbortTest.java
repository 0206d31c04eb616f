package dev.freshet.delivery.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A multipart upload whose part keeps failing is aborted, so no parts are left behind. s3proxy
 * cannot be made to fail a part, so a minimal S3 stand-in answers here: it starts uploads, fails
 * every part with 500 InternalError, and notes the requests it gets.
 */
class S3MultipartAbortTest {

    private HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aFailedPartAbortsTheUploadAndIsRetryable() {
        URI endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        int part = S3StoreSettings.MIN_PART_SIZE;
        S3StoreSettings settings = S3StoreSettings.of(endpoint, "us-east-1", "AK", "SK").withMultipart(part, part);
        try (S3ObjectStore store = new S3ObjectStore(settings)) {
            ObjectStoreException e = catchThrowableOfType(ObjectStoreException.class,
                () -> store.put("bucket", "big", new byte[part + 1]));
            assertThat(e.errorCode()).isEqualTo("InternalError");
            assertThat(e.retryable()).isTrue();
        }
        assertThat(requests.get(0)).isEqualTo("POST uploads");
        assertThat(requests).contains("PUT part").last().isEqualTo("DELETE upload");
        assertThat(requests).doesNotContain("POST complete");
    }

    private void answer(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        String query = String.valueOf(exchange.getRequestURI().getQuery());
        String method = exchange.getRequestMethod();
        if (method.equals("POST") && query.startsWith("uploads")) {
            requests.add("POST uploads");
            reply(exchange, 200, "<InitiateMultipartUploadResult><Bucket>bucket</Bucket><Key>big</Key>"
                + "<UploadId>u1</UploadId></InitiateMultipartUploadResult>");
        } else if (method.equals("PUT") && query.contains("partNumber")) {
            requests.add("PUT part");
            reply(exchange, 500, "<Error><Code>InternalError</Code><Message>disk on fire</Message></Error>");
        } else if (method.equals("DELETE") && query.contains("uploadId")) {
            requests.add("DELETE upload");
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        } else {
            requests.add(method + " complete");
            reply(exchange, 500, "<Error><Code>InternalError</Code><Message>unexpected</Message></Error>");
        }
    }

    private static void reply(HttpExchange exchange, int status, String xml) throws IOException {
        byte[] body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + xml).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/xml");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
