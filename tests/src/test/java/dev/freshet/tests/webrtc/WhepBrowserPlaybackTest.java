package dev.freshet.tests.webrtc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.freshet.tests.video.support.Browser;
import dev.freshet.tests.video.support.Playback;
import dev.freshet.tests.video.support.StaticSite;
import dev.freshet.tests.video.support.VideoServer;
import dev.freshet.tests.video.support.VideoServer.VideoStream;
import dev.freshet.tests.webrtc.support.StreamMetrics;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Headless Chromium publishes its fake camera over WHIP and, in a frame of the same page, plays
 * the stream over WHEP (loopback only; the viewer is a frame of the publisher's page):
 * before the publisher is on, WHEP answers 404; then the viewer's POST answers 201, its peer
 * connection connects and it decodes H.264 frames, more and more, and the publisher's sender reports
 * reach it for video and audio (lip sync); the stream's WebRTC series on
 * /metrics are there and move (bytes in and out, PLIs, a keyframe interval); a third frame plays the
 * same stream's LIVE HLS with hls.js, its position advancing; DELETE ends the viewer.
 */
class WhepBrowserPlaybackTest {
    @RegisterExtension
    static final VideoServer server = new VideoServer();

    @Test
    void chromiumPlaysOverWhepAndHlsWhatAnotherChromiumPublishesOverWhip() throws Exception {
        VideoStream stream = server.createStream("whep-browser");
        URI whip = server.endpoint().resolve("/whip/" + stream.name());
        URI whep = server.endpoint().resolve("/whep/" + stream.name());
        try (StaticSite site = StaticSite.testPages();
             Browser browser = Browser.headlessChromium(Browser.WEBRTC_FLAGS)) {
            browser.open(page(site, "/whep.html", whep));
            Map<String, Object> early = awaitAnswer(browser, "window.playState");
            assertThat(early.get("status")).as("WHEP before any publisher").isEqualTo(404L);
            assertThat((String) early.get("error")).contains("no live WebRTC publisher");

            browser.open(page(site, "/whip.html", whip));
            await("the publisher connects").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                    .until(() -> "connected".equals(state(browser, "window.publishState").get("connection")));

            browser.eval("var frame = document.createElement('iframe'); frame.id = 'viewer';"
                    + " frame.src = '" + page(site, "/whep.html", whep) + "'; document.body.appendChild(frame);");
            String viewer = "document.getElementById('viewer').contentWindow.playState";
            Map<String, Object> played = awaitAnswer(browser, viewer);
            assertThat(played.get("status")).as("WHEP POST status (%s)", played.get("error")).isEqualTo(201L);
            assertThat((String) played.get("location")).startsWith("/whep/" + stream.name() + "/");
            await("the viewer connects").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                    .until(() -> "connected".equals(state(browser, viewer).get("connection")));
            await("the viewer decodes frames").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250))
                    .until(() -> framesDecoded(browser, viewer) > 0);
            long first = framesDecoded(browser, viewer);
            await("the viewer keeps decoding").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250))
                    .until(() -> framesDecoded(browser, viewer) > first + 10);
            assertThat(state(browser, viewer).get("codec")).isEqualTo("video/H264");
            await("the publisher's sender reports reach the viewer, video and audio").atMost(Duration.ofSeconds(15))
                    .pollInterval(Duration.ofMillis(250)).untilAsserted(() -> assertThat(
                            (Map<?, ?>) state(browser, viewer).get("senderReports")).allSatisfy((kind, reports) ->
                                    assertThat(((Number) reports).longValue()).as("%s sender reports", kind).isPositive()));
            assertStreamMetricsMove(stream.name());
            assertPlaysAsLiveHls(browser, site, stream.name());

            Object deleted = browser.eval("return fetch(new URL(" + viewer + ".location, '" + whep + "'),"
                    + " {method: 'DELETE'}).then(function (r) { return r.status; });");
            assertThat(deleted).as("DELETE of the WHEP session").isEqualTo(200L);
        }
    }

    /** A third frame plays the stream's LIVE HLS with hls.js while the publisher goes on. */
    private static void assertPlaysAsLiveHls(Browser browser, StaticSite site, String stream) {
        URI master = Playback.hlsLive(server, stream);
        browser.eval("var hls = document.createElement('iframe'); hls.id = 'hls';"
                + " hls.src = '" + page(site, "/player.html", master) + "'; document.body.appendChild(hls);");
        String player = "document.getElementById('hls').contentWindow.playerState";
        await("hls.js plays the WebRTC stream live").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .failFast("hls.js fatal error", () -> state(browser, player).get("fatal") != null)
                .until(() -> Boolean.TRUE.equals(state(browser, player).get("playing"))
                        && currentTime(browser, player) > 0);
        double first = currentTime(browser, player);
        await("hls.js keeps playing").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250))
                .failFast("hls.js fatal error", () -> state(browser, player).get("fatal") != null)
                .until(() -> currentTime(browser, player) >= first + 2.0);
    }

    private static double currentTime(Browser browser, String player) {
        Object time = state(browser, player).get("currentTime");
        return time == null ? 0 : ((Number) time).doubleValue();
    }

    /** The stream's WebRTC series on /metrics: present, the live ones growing, a keyframe interval measured. */
    private static void assertStreamMetricsMove(String stream) throws Exception {
        String first = metrics();
        for (String series : List.of("freshet_webrtc_packets_lost_total", "freshet_webrtc_nacks_sent_total",
                "freshet_webrtc_firs_sent_total", "freshet_webrtc_retransmissions_total",
                "freshet_webrtc_viewer_dropped_packets_total")) {
            assertThat(value(first, series, stream)).as(series).isNotNegative();
        }
        assertThat(value(first, "freshet_webrtc_stream_publishers", stream)).isEqualTo(1);
        assertThat(value(first, "freshet_webrtc_stream_viewers", stream)).isEqualTo(1);
        await("PLIs are counted").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(500))
                .until(() -> value(metrics(), "freshet_webrtc_plis_sent_total", stream) > 0);
        await("bytes keep flowing both ways").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    String later = metrics();
                    for (String series : List.of("freshet_webrtc_received_bytes_total",
                            "freshet_webrtc_sent_bytes_total")) {
                        assertThat(value(later, series, stream)).as(series)
                                .isGreaterThan(value(first, series, stream));
                    }
                });
        await("a keyframe interval is measured").atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500))
                .until(() -> value(metrics(), "freshet_webrtc_keyframe_interval_seconds", stream) > 0);
        assertThat(value(metrics(), "freshet_webrtc_keyframe_interval_seconds", stream))
                .as("the periodic PLI keeps keyframes about 2 s apart").isLessThan(10);
    }

    private static String metrics() {
        return StreamMetrics.scrape(server.endpoint());
    }

    private static double value(String metrics, String name, String stream) {
        return StreamMetrics.value(metrics, name, stream);
    }

    private static URI page(StaticSite site, String page, URI endpoint) {
        return site.uri(page + "#" + URLEncoder.encode(endpoint.toString(), StandardCharsets.UTF_8));
    }

    private static Map<String, Object> awaitAnswer(Browser browser, String viewer) {
        await("the WHEP POST is answered").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> state(browser, viewer).get("status") != null
                        || state(browser, viewer).get("error") != null);
        return state(browser, viewer);
    }

    private static long framesDecoded(Browser browser, String viewer) {
        Object frames = state(browser, viewer).get("framesDecoded");
        return frames == null ? 0 : ((Number) frames).longValue();
    }

    /** The page's state object at {@code expression}, empty before the page has made it. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> state(Browser browser, String expression) {
        Object state = browser.eval("try { return " + expression + " || null; } catch (e) { return null; }");
        return state == null ? Map.of() : (Map<String, Object>) state;
    }
}
