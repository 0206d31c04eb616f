package dev.freshet.tests.webrtc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.freshet.tests.video.support.Browser;
import dev.freshet.tests.video.support.FfProbe;
import dev.freshet.tests.video.support.Playback;
import dev.freshet.tests.video.support.StaticSite;
import dev.freshet.tests.video.support.VideoServer;
import dev.freshet.tests.video.support.VideoServer.VideoStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Headless Chromium publishes its fake camera and microphone over WHIP to Freshet (loopback only):
 * the POST answers 201 with a Location, the peer connection connects, the browser's H.264 frames
 * become fragments of the video stream within seconds, DELETE ends the session, and ffprobe reads
 * what was stored, over HLS, as H.264 at the camera's resolution with Opus audio.
 */
class WhipBrowserPublishTest {
    @RegisterExtension
    static final VideoServer server = new VideoServer();

    @Test
    void chromiumPublishesOverWhipAndTheStreamPlaysAsHls() {
        VideoStream stream = server.createStream("whip-browser");
        URI whip = server.endpoint().resolve("/whip/" + stream.name());
        try (StaticSite site = StaticSite.testPages();
             Browser browser = Browser.headlessChromium(Browser.WEBRTC_FLAGS)) {
            browser.open(site.uri("/whip.html#" + URLEncoder.encode(whip.toString(), StandardCharsets.UTF_8)));

            await("the WHIP POST is answered").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                    .until(() -> state(browser).get("status") != null || state(browser).get("error") != null);
            Map<String, Object> posted = state(browser);
            assertThat(posted.get("status")).as("WHIP POST status (%s)", posted.get("error")).isEqualTo(201L);
            assertThat((String) posted.get("location")).as("Location of the WHIP session")
                    .startsWith("/whip/" + stream.name() + "/");
            await("the peer connection connects").atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> "connected".equals(state(browser).get("connection")));

            server.awaitAtLeast(stream.name(), 2, Duration.ofSeconds(30));
            Map<String, Object> sending = state(browser);
            assertThat(sending.get("codec")).as("the browser sends H.264").isEqualTo("video/H264");

            // WebDriver waits for a returned promise
            Object deleted = browser.eval("return fetch(new URL(window.publishState.location, '" + whip + "'),"
                    + " {method: 'DELETE'}).then(function (r) { return r.status; });");
            assertThat(deleted).as("DELETE of the WHIP session").isEqualTo(200L);

            URI hls = Playback.hlsOnDemandAround(server, stream.name(), System.currentTimeMillis());
            FfProbe.Probe probe = FfProbe.probe(hls.toString());
            assertThat(probe.video().codecName()).isEqualTo("h264");
            assertThat(probe.video().width()).as("width").isEqualTo(((Number) sending.get("width")).intValue());
            assertThat(probe.video().height()).as("height").isEqualTo(((Number) sending.get("height")).intValue());
            assertThat(probe.audio()).hasValueSatisfying(a -> assertThat(a.codecName()).isEqualTo("opus"));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> state(Browser browser) {
        return (Map<String, Object>) browser.eval("return window.publishState || null;");
    }
}
