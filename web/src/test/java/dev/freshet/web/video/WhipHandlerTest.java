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
    private static final String FRAGMENT = "application/trickle-ice-sdpfrag";

    @TempDir
    static Path dir;
    static FreshetRuntime runtime;
    static String offer;

    @BeforeAll
    static void start() throws Exception {
        runtime = FreshetRuntime.start(new ConfigParser(Map.of()).parse("--port", "0", "--webrtc-port", "0",
            "--data-dir", dir.toString(), "--stream-transition-millis", "0", "--webrtc-tokens", "whip-secret=s3cret",
            "--webrtc-ice-servers", "stun:127.0.0.1:3478,turn:127.0.0.1:3478?transport=udp", "--webrtc-ice-username", "cam",
            "--webrtc-ice-password", "pw"), new Metrics(new PrometheusRegistry()),
            ServiceAssembly.factories());
        for (String stream : new String[] {"whip-cam", "whip-busy", "whip-bad", "whep-cam", "whip-patch",
            "whip-secret"}) {
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
        assertThat(created.headers().allValues("Link")).as("the configured ICE servers (RFC 9725 4.6)").containsExactly(
            "<stun:127.0.0.1:3478>; rel=\"ice-server\"",
            "<turn:127.0.0.1:3478?transport=udp>; rel=\"ice-server\"; username=\"cam\"; credential=\"pw\"; "
                + "credential-type=\"password\"");
        assertThat(created.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
        assertThat(created.body()).startsWith("v=0\r\n").contains("a=recvonly", "a=setup:passive", "typ host");
        assertThat(metrics()).contains("freshet_webrtc_publishers 1.0");

        assertThat(send("PATCH", location, "application/trickle-ice-sdpfrag", "a=end-of-candidates\r\n")
            .statusCode()).isEqualTo(204);
        assertThat(send("DELETE", location, null, null).statusCode()).isEqualTo(200);
        assertThat(send("DELETE", location, null, null).statusCode()).isEqualTo(404);
        assertThat(metrics()).contains("freshet_webrtc_publishers 0.0", "freshet_webrtc_sessions_total",
            "freshet_webrtc_dropped_packets_total{reason=\"replayed\"} 0.0",
            "freshet_webrtc_dropped_packets_total{reason=\"malformed\"} 0.0",
            "freshet_webrtc_dropped_packets_total{reason=\"unknown\"} 0.0");
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
        assertThat(patch(location, FRAGMENT, played.headers().firstValue("ETag").orElseThrow(),
            "a=ice-ufrag:EsAw\r\na=end-of-candidates\r\n").statusCode()).as("WHEP trickle").isEqualTo(204);
        assertThat(send("DELETE", location, null, null).statusCode()).isEqualTo(200);
        assertThat(send("DELETE", location, null, null).statusCode()).isEqualTo(404);
        send("DELETE", publisher, null, null);
    }

    @Test
    void patchTricklesCandidatesAndRestartsIceUnderEntityTags() throws Exception {
        HttpResponse<String> created = send("POST", "/whip/whip-patch", "application/sdp", offer);
        String location = created.headers().firstValue("Location").orElseThrow();
        String etag = created.headers().firstValue("ETag").orElseThrow();
        String candidate = "a=candidate:1 1 udp 2122260223 127.0.0.1 50000 typ host\r\n";
        String trickle = "a=ice-ufrag:EsAw\r\na=ice-pwd:bP+XJMM09aR8AiX1jdukzR6Y\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\n"
            + "a=mid:0\r\n" + candidate;

        assertThat(patch(location, "application/sdp", etag, trickle).statusCode()).isEqualTo(415);
        assertThat(patch("/whip/whip-patch/" + "0".repeat(32), FRAGMENT, etag, trickle).statusCode()).isEqualTo(404);
        assertThat(patch(location, FRAGMENT, etag, "a=candidate:nonsense\r\n").statusCode()).isEqualTo(400);
        assertThat(patch(location, FRAGMENT, "\"another\"", trickle).statusCode()).isEqualTo(412);
        assertThat(patch(location, FRAGMENT, etag, trickle.replace("EsAw", "Zzzz")).statusCode()).isEqualTo(422);
        HttpResponse<String> trickled = patch(location, FRAGMENT, etag, trickle);
        assertThat(trickled.statusCode()).isEqualTo(204);
        assertThat(trickled.headers().firstValue("ETag")).contains(etag);

        String restart = "a=ice-ufrag:NewU\r\na=ice-pwd:newpasswordnewpassword1\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\n"
            + "a=mid:0\r\n" + candidate;
        assertThat(patch(location, FRAGMENT, "*", trickle).statusCode()).as("a restart without new credentials")
            .isEqualTo(422);
        HttpResponse<String> restarted = patch(location, FRAGMENT, "*", restart);
        assertThat(restarted.statusCode()).isEqualTo(200);
        assertThat(restarted.headers().firstValue("Content-Type")).contains(FRAGMENT);
        String newTag = restarted.headers().firstValue("ETag").orElseThrow();
        assertThat(newTag).isNotEqualTo(etag);
        assertThat(restarted.body()).contains("a=ice-ufrag:" + newTag.replace("\"", ""), "a=ice-pwd:",
            "m=audio 9 UDP/TLS/RTP/SAVPF 111", "a=mid:0", "typ host", "a=end-of-candidates");
        assertThat(patch(location, FRAGMENT, etag, restart).statusCode()).as("the old tag").isEqualTo(412);
        assertThat(patch(location, FRAGMENT, newTag, trickle).statusCode()).as("the old ufrag").isEqualTo(422);
        assertThat(patch(location, FRAGMENT, newTag, restart).statusCode()).isEqualTo(204);
        assertThat(metrics()).contains("freshet_webrtc_ice_restarts_total", "freshet_webrtc_trickle_candidates_total");
        send("DELETE", location, null, null);
    }

    @Test
    void aStreamWithATokenWantsItAsBearerAndCountsRefusals() throws Exception {
        HttpResponse<String> none = send("POST", "/whip/whip-secret", "application/sdp", offer);
        HttpResponse<String> wrong = send("POST", "/whip/whip-secret", "application/sdp", offer,
            "Authorization", "Bearer s3cre");
        HttpResponse<String> right = send("POST", "/whip/whip-secret", "application/sdp", offer,
            "Authorization", "Bearer s3cret");

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(h -> assertThat(h)
            .startsWith("Bearer"));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(h -> assertThat(h)
            .contains("invalid_token"));
        assertThat(right.statusCode()).isEqualTo(201);
        String location = right.headers().firstValue("Location").orElseThrow();
        assertThat(send("POST", "/whep/whip-secret", "application/sdp", offer.replace("a=sendonly", "a=recvonly"))
            .statusCode()).as("WHEP of the stream").isEqualTo(401);
        assertThat(send("OPTIONS", location, null, null).statusCode()).as("preflight").isEqualTo(204);
        assertThat(send("DELETE", location, null, null).statusCode()).isEqualTo(401);
        assertThat(send("DELETE", location, null, null, "Authorization", "bearer s3cret").statusCode()).isEqualTo(200);
        assertThat(metrics()).contains("freshet_webrtc_auth_failures_total{kind=\"bearer\"} 4.0");
    }

    private static HttpResponse<String> patch(String location, String type, String ifMatch, String body)
            throws IOException, InterruptedException {
        return send("PATCH", location, type, body, "If-Match", ifMatch);
    }

    private static String metrics() throws IOException, InterruptedException {
        return send("GET", "/metrics", null, null).body();
    }

    private static HttpResponse<String> send(String method, String path, String type, String body,
                                             String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(runtime.server().httpUri().resolve(path))
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (type != null) {
            request.header("Content-Type", type);
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
