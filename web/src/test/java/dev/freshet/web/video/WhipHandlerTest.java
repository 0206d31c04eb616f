package dev.freshet.web.video;

import dev.freshet.web.metrics.Metrics;
import dev.freshet.web.server.FreshetRuntime;
import dev.freshet.web.server.ServiceAssembly;
import dev.freshet.web.server.config.ConfigParser;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * WHIP's HTTP shapes on the real server (RFC 9725 section 4): what a browser's publish, delete and
 * CORS preflight get, and the status of each refusal; and WHEP's, next to it. Media over ICE is
 * WhipSessionsTest's and WhepSessionsTest's.
 */
class WhipHandlerTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path dir;
    static FreshetRuntime runtime;
    static String offer;

    @BeforeAll
    static void start() throws Exception {
        runtime = FreshetRuntime.start(new ConfigParser(Map.of()).parse("--port", "0", "--webrtc-port", "0",
            "--data-dir", dir.toString(), "--stream-transition-millis", "0"), new Metrics(new PrometheusRegistry()),
            ServiceAssembly.factories());
        for (String stream : new String[] {"whip-cam", "whip-busy", "whip-bad", "whep-cam"}) {
            assertThat(send("POST", "/createStream", "application/json", "{\"StreamName\":\"" + stream + "\"}")
                .statusCode()).isEqualTo(200);
        }
        try (InputStream in = WhipHandlerTest.class.getResourceAsStream("/sdp/chrome-whip-offer.sdp")) {
            offer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @AfterAll
    static void stop() {
        runtime.stop();
    }

    @Test
    void aPublishIsCreatedWithItsSessionUrlAndTheAnswerAndEndsWithDelete() throws Exception {
        HttpResponse<String> created = send("POST", "/whip/whip-cam", "application/sdp", offer);

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Content-Type")).contains("application/sdp");
        String location = created.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches("/whip/whip-cam/[0-9a-f]{32}");
        assertThat(created.headers().firstValue("ETag")).isPresent();
        assertThat(created.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
        assertThat(created.body()).startsWith("v=0\r\n").contains("a=recvonly", "a=setup:passive", "typ host");
        assertThat(metrics()).contains("freshet_webrtc_publishers 1.0");

        assertThat(send("PATCH", location, "application/trickle-ice-sdpfrag", "a=end-of-candidates\r\n")
            .statusCode()).isEqualTo(405);
        assertThat(send("DELETE", location, null, null).statusCode()).isEqualTo(200);
        assertThat(send("DELETE", location, null, null).statusCode()).isEqualTo(404);
        assertThat(metrics()).contains("freshet_webrtc_publishers 0.0", "freshet_webrtc_sessions_total");
    }

    @Test
    void aSecondPublisherOfAStreamIsAConflict() throws Exception {
        HttpResponse<String> first = send("POST", "/whip/whip-busy", "application/sdp", offer);
        HttpResponse<String> second = send("POST", "/whip/whip-busy", "application/sdp", offer);

        assertThat(second.statusCode()).isEqualTo(409);
        send("DELETE", first.headers().firstValue("Location").orElseThrow(), null, null);
        HttpResponse<String> third = send("POST", "/whip/whip-busy", "application/sdp", offer);
        assertThat(third.statusCode()).isEqualTo(201);
        send("DELETE", third.headers().firstValue("Location").orElseThrow(), null, null);
    }

    @Test
    void refusalsHaveTheirStatusAndAPlainReason() throws Exception {
        HttpResponse<String> unknown = send("POST", "/whip/nope", "application/sdp", offer);
        HttpResponse<String> json = send("POST", "/whip/whip-bad", "application/json", "{}");
        HttpResponse<String> garbage = send("POST", "/whip/whip-bad", "application/sdp", "hello");
        HttpResponse<String> noFingerprint = send("POST", "/whip/whip-bad", "application/sdp",
            offer.replaceAll("a=fingerprint:[^\r\n]*\r\n", ""));

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
            .startsWith("text/plain"));
        assertThat(json.statusCode()).isEqualTo(415);
        assertThat(garbage.statusCode()).isEqualTo(400);
        assertThat(garbage.body()).startsWith("sdp.");
        assertThat(noFingerprint.statusCode()).isEqualTo(400);
        assertThat(noFingerprint.body()).startsWith("sdp.missing-fingerprint");
        assertThat(send("GET", "/whip/whip-bad", null, null).statusCode()).isEqualTo(405);
        assertThat(send("POST", "/whip/whip-cam", "application/sdp", offer.replace("a=sendonly", "a=recvonly"))
            .statusCode()).as("nothing to receive").isEqualTo(400);
    }

    @Test
    void thePreflightAllowsAnyOriginToPublish() throws Exception {
        HttpResponse<String> preflight = send("OPTIONS", "/whip/whip-cam", null, null);

        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods")).hasValueSatisfying(m ->
            assertThat(m).contains("POST", "DELETE", "PATCH", "OPTIONS"));
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers")).hasValueSatisfying(h ->
            assertThat(h).contains("Content-Type", "Authorization"));
        assertThat(preflight.headers().firstValue("Access-Control-Expose-Headers")).hasValueSatisfying(h ->
            assertThat(h).contains("Location", "ETag", "Link"));
    }

    @Test
    void aViewerPlaysAStreamWhileItHasAWhipPublisher() throws Exception {
        String viewerOffer = offer.replace("a=sendonly", "a=recvonly");
        HttpResponse<String> idle = send("POST", "/whep/whep-cam", "application/sdp", viewerOffer);
        assertThat(idle.statusCode()).isEqualTo(404);
        assertThat(idle.body()).contains("no live WebRTC publisher");

        String publisher = send("POST", "/whip/whep-cam", "application/sdp", offer).headers().firstValue("Location")
            .orElseThrow();
        HttpResponse<String> played = send("POST", "/whep/whep-cam", "application/sdp", viewerOffer);
        assertThat(played.statusCode()).isEqualTo(201);
        String location = played.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches("/whep/whep-cam/[0-9a-f]{32}");
        assertThat(played.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
        assertThat(played.body()).contains("a=sendonly", "a=ssrc:", "a=setup:passive");
        assertThat(send("OPTIONS", location, null, null).statusCode()).isEqualTo(204);
        assertThat(send("DELETE", location, null, null).statusCode()).isEqualTo(200);
        assertThat(send("DELETE", location, null, null).statusCode()).isEqualTo(404);
        send("DELETE", publisher, null, null);
    }

    private static String metrics() throws IOException, InterruptedException {
        return send("GET", "/metrics", null, null).body();
    }

    private static HttpResponse<String> send(String method, String path, String type, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(runtime.server().httpUri().resolve(path))
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (type != null) {
            request.header("Content-Type", type);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
