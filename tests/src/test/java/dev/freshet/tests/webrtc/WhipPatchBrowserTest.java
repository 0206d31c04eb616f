package dev.freshet.tests.webrtc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.freshet.tests.video.support.Browser;
import dev.freshet.tests.video.support.StaticSite;
import dev.freshet.tests.video.support.VideoServer;
import dev.freshet.tests.video.support.VideoServer.VideoStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.kinesisvideo.model.StreamInfo;
import software.amazon.awssdk.services.kinesisvideo.model.Status;

/**
 * WHIP's PATCH (RFC 9725 section 4.3) and create-on-publish against headless Chromium (loopback
 * only), with a server started with {@code --webrtc-create-streams}:
 * <ul>
 *   <li>Chromium publishes to a stream nobody created: the POST answers 201, the stream exists
 *       (DescribeStream through the AWS SDK: ACTIVE, live only), and hand-made PATCHes to the
 *       session get 204 (candidates), 412 (another ETag), 422 (another ice-ufrag), 415 and 404;</li>
 *   <li>Chromium publishes with trickle ICE (the offer at once, candidates in PATCHes, all 204),
 *       then restarts ICE through a PATCH with {@code If-Match: "*"}: 200 with the server's new
 *       credentials, the browser's selected pair moves to its new ufrag, and the stream keeps
 *       getting fragments over the restarted ICE;</li>
 *   <li>a WHEP viewer (trickle ICE) restarts its ICE the same way and keeps decoding.</li>
 * </ul>
 */
class WhipPatchBrowserTest {
    @RegisterExtension
    static final VideoServer server = new VideoServer("--webrtc-create-streams");

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String FRAGMENT = "application/trickle-ice-sdpfrag";

    @Test
    void aPublishCreatesItsStreamAndHandMadePatchesGetTheirStatus() throws Exception {
        String name = "whip-created-" + UUID.randomUUID().toString().substring(0, 8);
        URI whip = server.endpoint().resolve("/whip/" + name);
        try (StaticSite site = StaticSite.testPages();
             Browser browser = Browser.headlessChromium(Browser.WEBRTC_FLAGS)) {
            browser.open(site.uri("/whip.html#" + URLEncoder.encode(whip.toString(), StandardCharsets.UTF_8)));
            Map<String, Object> posted = awaitPosted(browser);
            assertThat(posted.get("status")).as("WHIP POST status (%s)", posted.get("error")).isEqualTo(201L);

            StreamInfo created = server.control().describeStream(b -> b.streamName(name)).streamInfo();
            assertThat(created.status()).isEqualTo(Status.ACTIVE);
            assertThat(created.dataRetentionInHours()).as("CreateStream's default retention").isZero();

            URI resource = whip.resolve((String) posted.get("location"));
            String etag = (String) posted.get("etag");
            String ufrag = (String) browser.eval("return window.pc.localDescription.sdp"
                    + ".match(/a=ice-ufrag:(.*)\\r?\\n/)[1];");
            String trickle = "a=ice-ufrag:" + ufrag + "\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=mid:0\r\n"
                    + "a=candidate:1 1 udp 2122260223 127.0.0.1 50000 typ host\r\n";
            assertThat(patch(resource, FRAGMENT, etag, trickle).statusCode()).isEqualTo(204);
            assertThat(patch(resource, FRAGMENT, "\"stale\"", trickle).statusCode()).isEqualTo(412);
            assertThat(patch(resource, FRAGMENT, etag, trickle.replace(ufrag, "Zz9Z")).statusCode()).isEqualTo(422);
            assertThat(patch(resource, "application/sdp", etag, trickle).statusCode()).isEqualTo(415);
            assertThat(patch(whip.resolve("/whip/" + name + "/" + "0".repeat(32)), FRAGMENT, etag, trickle)
                    .statusCode()).isEqualTo(404);
            await("the publisher connects").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                    .until(() -> "connected".equals(state(browser).get("connection")));
        }
    }

    @Test
    void chromiumTricklesCandidatesAndRestartsIceThroughPatch() throws Exception {
        VideoStream stream = server.createStream("whip-restart");
        URI whip = server.endpoint().resolve("/whip/" + stream.name());
        try (StaticSite site = StaticSite.testPages();
             Browser browser = Browser.headlessChromium(Browser.WEBRTC_FLAGS)) {
            browser.open(site.uri("/whip.html?trickle#"
                    + URLEncoder.encode(whip.toString(), StandardCharsets.UTF_8)));
            Map<String, Object> posted = awaitPosted(browser);
            assertThat(posted.get("status")).as("WHIP POST status (%s)", posted.get("error")).isEqualTo(201L);
            await("the publisher connects").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                    .until(() -> "connected".equals(state(browser).get("connection")));
            await("candidates are trickled").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                    .until(() -> !patches(browser).isEmpty());
            assertThat(patches(browser)).as("statuses of the trickle PATCHes").containsOnly(204L);
            server.awaitAtLeast(stream.name(), 2, Duration.ofSeconds(30));

            browser.eval("window.restartIce();");
            await("the restart PATCH is answered").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                    .until(() -> state(browser).get("restartStatus") != null);
            assertThat(state(browser).get("restartStatus")).as("restart (%s)", state(browser).get("error"))
                    .isEqualTo(200L);
            assertThat(state(browser).get("etag")).isNotEqualTo(posted.get("etag"));
            String newUfrag = (String) state(browser).get("restartUfrag");
            await("the browser's selected pair is the restarted ICE's").atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> newUfrag.equals(state(browser).get("iceUfrag"))
                            && "connected".equals(state(browser).get("connection")));
            int before = server.fragments(stream.name()).size();
            server.awaitAtLeast(stream.name(), before + 2, Duration.ofSeconds(30));
            assertThat(metrics()).contains("freshet_webrtc_ice_restarts_total", "freshet_webrtc_trickle_candidates_total")
                    .doesNotContain("freshet_webrtc_ice_restarts_total 0.0",
                            "freshet_webrtc_trickle_candidates_total 0.0");
        }
    }

    @Test
    void aWhepViewerRestartsIceThroughPatchAndKeepsDecoding() throws Exception {
        VideoStream stream = server.createStream("whep-restart");
        URI whip = server.endpoint().resolve("/whip/" + stream.name());
        URI whep = server.endpoint().resolve("/whep/" + stream.name());
        try (StaticSite site = StaticSite.testPages();
             Browser browser = Browser.headlessChromium(Browser.WEBRTC_FLAGS)) {
            browser.open(site.uri("/whip.html#" + URLEncoder.encode(whip.toString(), StandardCharsets.UTF_8)));
            await("the publisher connects").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                    .until(() -> "connected".equals(state(browser).get("connection")));
            browser.eval("var frame = document.createElement('iframe'); frame.id = 'viewer'; frame.src = '"
                    + site.uri("/whep.html?trickle#" + URLEncoder.encode(whep.toString(), StandardCharsets.UTF_8))
                    + "'; document.body.appendChild(frame);");
            String viewer = "document.getElementById('viewer').contentWindow";
            await("the viewer decodes").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                    .until(() -> number(viewerState(browser, viewer).get("framesDecoded")) > 0);

            browser.eval(viewer + ".restartIce();");
            await("the viewer's restart is answered").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                    .until(() -> viewerState(browser, viewer).get("restartStatus") != null);
            Map<String, Object> restarted = viewerState(browser, viewer);
            assertThat(restarted.get("restartStatus")).as("restart (%s)", restarted.get("error")).isEqualTo(200L);
            String newUfrag = (String) restarted.get("restartUfrag");
            await("the viewer's pair is the restarted ICE's").atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> newUfrag.equals(viewerState(browser, viewer).get("iceUfrag")));
            long decoded = number(viewerState(browser, viewer).get("framesDecoded"));
            await("the viewer keeps decoding over the restarted ICE").atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> number(viewerState(browser, viewer).get("framesDecoded")) > decoded + 30);
        }
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> viewerState(Browser browser, String viewer) {
        Object state = browser.eval("try { return " + viewer + ".playState || null; } catch (e) { return null; }");
        return state == null ? Map.of() : (Map<String, Object>) state;
    }

    private static Map<String, Object> awaitPosted(Browser browser) {
        await("the WHIP POST is answered").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> state(browser).get("status") != null || state(browser).get("error") != null);
        return state(browser);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> patches(Browser browser) {
        Object patches = state(browser).get("patches");
        return patches == null ? List.of() : (List<Object>) patches;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> state(Browser browser) {
        Object state = browser.eval("return window.publishState || null;");
        return state == null ? Map.of() : (Map<String, Object>) state;
    }

    private static HttpResponse<String> patch(URI resource, String type, String ifMatch, String body)
            throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(resource).method("PATCH", HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", type).header("If-Match", ifMatch).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String metrics() throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(server.endpoint().resolve("/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
