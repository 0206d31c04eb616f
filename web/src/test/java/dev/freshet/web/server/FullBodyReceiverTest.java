package dev.freshet.web.server;

import static dev.freshet.web.server.TestServers.call;
import static org.assertj.core.api.Assertions.assertThat;

import io.undertow.server.HttpHandler;
import io.undertow.util.Headers;
import java.io.ByteArrayInputStream;
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
