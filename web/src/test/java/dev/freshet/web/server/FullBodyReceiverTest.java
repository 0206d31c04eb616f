package dev.freshet.web.server;

import static dev.freshet.web.server.TestServers.call;
import static org.assertj.core.api.Assertions.assertThat;

import io.undertow.server.HttpHandler;
import io.undertow.util.Headers;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Whole bodies arrive byte for byte, however they are framed and however many reads they take. */
class FullBodyReceiverTest {

    private static final String DIGEST = "Digest_20200101";

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();
    private FreshetServer server;

    @BeforeEach
    void start() throws Exception {
        server = TestServers.start(Map.of(DIGEST, digest()));
    }

    @AfterEach
    void stop() {
        server.stop(Duration.ZERO);
    }

    @Test
    void declaredLengthBodyOfManyReads() throws Exception {
        byte[] body = random(5 * 1024 * 1024 + 7);

        assertThat(send(BodyPublishers.ofByteArray(body))).isEqualTo(digestOf(body));
    }

    @Test
    void chunkedBodyGrowsPastTheStartSize() throws Exception {
        byte[] body = random(3 * 1024 * 1024 + 1);

        assertThat(send(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))).isEqualTo(digestOf(body));
    }

    @Test
    void bodyWrittenInPiecesThenAnotherRequestOnTheSameConnection() throws Exception {
        byte[] first = random(300 * 1024 + 3);
        byte[] second = random(17);
        try (RawHttp connection = new RawHttp(server.httpAddress())) {
            byte[] head = ("POST / HTTP/1.1\r\nHost: test\r\nX-Amz-Target: " + DIGEST + ".Put\r\n"
                + "Content-Length: " + first.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            connection.write(head);
            connection.write(Arrays.copyOfRange(first, 0, 1000));
            connection.write(Arrays.copyOfRange(first, 1000, 200_000));

            assertThat(connection.send(Arrays.copyOfRange(first, 200_000, first.length)).body())
                .isEqualTo(digestOf(first));
            byte[] next = ("POST / HTTP/1.1\r\nHost: test\r\nX-Amz-Target: " + DIGEST + ".Put\r\n"
                + "Content-Length: " + second.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            connection.write(next);
            assertThat(connection.send(second).body()).isEqualTo(digestOf(second));
        }
    }

    @Test
    void bodyOverHttp2() throws Exception {
        HttpClient http2 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        HttpResponse<String> upgraded = http2.send(HttpRequest.newBuilder(TestServers.at(server, "/health")).build(),
            BodyHandlers.ofString());
        byte[] body = random(1024 * 1024 + 5);

        HttpResponse<String> response = http2.send(call(server, DIGEST + ".Put")
            .POST(BodyPublishers.ofByteArray(body)).build(), BodyHandlers.ofString());

        assertThat(upgraded.version()).isEqualTo(HttpClient.Version.HTTP_2);
        assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_2);
        assertThat(response.body()).isEqualTo(digestOf(body));
    }

    @Test
    void bodyOverTheServersLimitIsRefused() throws Exception {
        FreshetServer small = TestServers.start(Map.of(DIGEST, digest()), "--max-request-bytes", "1000");
        try {
            HttpResponse<String> response = client.send(call(small, DIGEST + ".Put")
                .POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(random(5000)))).build(),
                BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(response.body()).contains("SerializationException");
        } finally {
            small.stop(Duration.ZERO);
        }
    }

    @Test
    void emptyBody() throws Exception {
        assertThat(send(BodyPublishers.noBody())).isEqualTo(digestOf(new byte[0]));
    }

    private String send(HttpRequest.BodyPublisher body) throws Exception {
        HttpRequest request = call(server, DIGEST + ".Put").POST(body).build();
        return client.send(request, BodyHandlers.ofString()).body();
    }

    /** Answers the body's length and CRC-32. */
    private static HttpHandler digest() {
        return exchange -> FullBodyReceiver.receive(exchange, (done, body) -> {
            done.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain");
            done.getResponseSender().send(digestOf(body));
        }, RequestBodyErrors.CALLBACK);
    }

    private static String digestOf(byte[] body) {
        CRC32 crc = new CRC32();
        crc.update(body);
        return body.length + ":" + Long.toHexString(crc.getValue());
    }

    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        SplittableRandom random = new SplittableRandom(size);
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) random.nextInt(256);
        }
        return bytes;
    }
}
