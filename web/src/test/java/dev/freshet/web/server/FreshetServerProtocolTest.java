package dev.freshet.web.server;

import static dev.freshet.web.server.TestServers.ECHO;
import static dev.freshet.web.server.TestServers.at;
import static dev.freshet.web.server.TestServers.call;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpClient.Version;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ways clients reach the one port: HTTP/1.1, h2c (prior knowledge and upgrade), TLS with ALPN. */
class FreshetServerProtocolTest {

    @TempDir
    static Path dir;
    private static Path keystore;
    private static FreshetServer server;

    @BeforeAll
    static void start() throws Exception {
        keystore = TestKeystore.create(dir);
        server = TestServers.start(Map.of(ECHO, TestServers.echo()), "--tls-port", "0",
            "--tls-keystore", keystore.toString(), "--tls-keystore-password", TestKeystore.PASSWORD);
    }

    @AfterAll
    static void stop() {
        server.stop(Duration.ZERO);
    }

    @Test
    void cleartextHttp2WithPriorKnowledge() throws Exception {
        H2PriorKnowledge.Reply reply = H2PriorKnowledge.get(server.httpAddress(), "/health");

        assertThat(reply.firstFrameType()).as("server connection preface is a SETTINGS frame")
            .isEqualTo(H2PriorKnowledge.SETTINGS);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).contains("\"status\":\"UP\"");
    }

    @Test
    void cleartextHttp2ByUpgrade() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(Version.HTTP_2).build();

        HttpResponse<String> response = client.send(HttpRequest.newBuilder(at(server, "/health")).build(),
            BodyHandlers.ofString());

        assertThat(response.version()).isEqualTo(Version.HTTP_2);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("x-amzn-requestid")).isPresent();
    }

    @Test
    void tls13NegotiatesHttp2WithAlpn() throws Exception {
        HttpResponse<String> response = putOverTls(HttpClient.newBuilder());

        assertThat(response.version()).isEqualTo(Version.HTTP_2);
        assertThat(response.sslSession().map(SSLSession::getProtocol)).contains("TLSv1.3");
        assertThat(response.body()).isEqualTo("{\"operation\":\"Put\",\"bytes\":5}");
    }

    @Test
    void tls12NegotiatesHttp2WithAlpn() throws Exception {
        SSLParameters tls12 = new SSLParameters();
        tls12.setProtocols(new String[] {"TLSv1.2"});

        HttpResponse<String> response = putOverTls(HttpClient.newBuilder().sslParameters(tls12));

        assertThat(response.version()).isEqualTo(Version.HTTP_2);
        assertThat(response.sslSession().map(SSLSession::getProtocol)).contains("TLSv1.2");
    }

    private static HttpResponse<String> putOverTls(HttpClient.Builder builder) throws Exception {
        HttpClient client = builder.version(Version.HTTP_2).sslContext(TestKeystore.trusting(keystore)).build();
        URI https = server.httpsUri().orElseThrow();
        return client.send(call(server, ECHO + ".Put").uri(https.resolve("/"))
            .POST(BodyPublishers.ofString("hello")).build(), BodyHandlers.ofString());
    }

    @Test
    void tlsServesHttp11Too() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(Version.HTTP_1_1)
            .sslContext(TestKeystore.trusting(keystore)).build();

        HttpResponse<String> response = client.send(HttpRequest.newBuilder(server.httpsUri().orElseThrow()
            .resolve("/health")).build(), BodyHandlers.ofString());

        assertThat(response.version()).isEqualTo(Version.HTTP_1_1);
        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void expectContinueIsAnswered() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(Version.HTTP_1_1).build();

        HttpResponse<String> response = client.send(call(server, ECHO + ".Put").expectContinue(true)
            .POST(BodyPublishers.ofString("abc")).build(), BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"operation\":\"Put\",\"bytes\":3}");
    }
}
