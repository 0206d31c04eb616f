package dev.freshet.tests.webrtc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.freshet.tests.video.support.Browser;
import dev.freshet.tests.video.support.FfProbe;
import dev.freshet.tests.video.support.Playback;
import dev.freshet.tests.video.support.StaticSite;
import dev.freshet.tests.video.support.VideoServer;
import dev.freshet.tests.video.support.VideoServer.VideoStream;
import dev.freshet.tests.webrtc.support.StreamMetrics;
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
    /**
     * Chromium starts its estimate at 300 kb/s; Freshet's feedback takes it past this within a second (3.6 Mb/s
     * measured). Without feedback it falls to ~80 kb/s within 15 s.
     */
    private static final double MIN_ESTIMATE = 1_000_000;
    /** The encoder's target at 640x480 (1.7 Mb/s measured; 30 kb/s without feedback). */
    private static final double MIN_TARGET = 500_000;
    /** The fake camera's simple picture takes ~360 kb/s at that target; ~29 kb/s without feedback. */
    private static final double MIN_SENT = 100_000;

    @RegisterExtension
    static final VideoServer server = new VideoServer();

    @Test
    void chromiumPublishesOverWhipAndTheStreamPlaysAsHls() {
        VideoStream stream = server.createStream("whip-browser");
        URI whip = server.endpoint().resolve("/whip/" + stream.name());
        try (StaticSite site = StaticSite.testPages();
             Browser browser = Browser.headlessChromium(Browser.WEBRTC_FLAGS)) {
            browser.open(publishPage(site, whip));

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

    /**
     * Chromium estimates the bandwidth on the sender's side from the receiver's transport-wide feedback: without
     * it the estimate and the encoder's bitrate sink; with Freshet's they climb.
     */
    @Test
    void chromiumsBandwidthEstimateGrowsOnFreshetsTransportFeedback() {
        VideoStream stream = server.createStream("whip-bandwidth");
        URI whip = server.endpoint().resolve("/whip/" + stream.name());
        try (StaticSite site = StaticSite.testPages();
             Browser browser = Browser.headlessChromium(Browser.WEBRTC_FLAGS)) {
            browser.open(publishPage(site, whip));
            await("the estimate is reported").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> number(browser, "availableOutgoingBitrate") > 0);
            double start = number(browser, "availableOutgoingBitrate");
            long since = System.nanoTime();

            await("the estimate climbs").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250))
                    .until(() -> number(browser, "availableOutgoingBitrate") >= MIN_ESTIMATE);
            double climbed = number(browser, "availableOutgoingBitrate");
            double seconds = (System.nanoTime() - since) / 1e9;
            double bytesBefore = number(browser, "bytesSent");
            long sampled = System.nanoTime();
            await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(4)).until(() -> true);
            double sentBitsPerSecond = (number(browser, "bytesSent") - bytesBefore) * 8
                    / ((System.nanoTime() - sampled) / 1e9);
            System.out.printf("bandwidth estimate: start %.0f b/s, %.0f b/s after %.1f s; video sent at %.0f b/s"
                    + " (target %.0f b/s)%n", start, climbed, seconds, sentBitsPerSecond, number(browser, "targetBitrate"));

            assertThat(number(browser, "targetBitrate")).as("the encoder's target follows the estimate")
                    .isGreaterThan(MIN_TARGET);
            assertThat(sentBitsPerSecond).as("the encoder is not held low").isGreaterThan(MIN_SENT);
            String metrics = StreamMetrics.scrape(server.endpoint());
            double feedback = StreamMetrics.value(metrics, "freshet_webrtc_transport_feedback_total", stream.name());
            assertThat(feedback).as("transport feedback packets sent").isPositive();
            await("transport feedback keeps going").atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(250))
                    .until(() -> StreamMetrics.value(StreamMetrics.scrape(server.endpoint()),
                            "freshet_webrtc_transport_feedback_total", stream.name()) > feedback);
        }
    }

    private static URI publishPage(StaticSite site, URI whip) {
        return site.uri("/whip.html#" + URLEncoder.encode(whip.toString(), StandardCharsets.UTF_8));
    }

    private static double number(Browser browser, String key) {
        Object value = state(browser).get(key);
        return value instanceof Number n ? n.doubleValue() : 0;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> state(Browser browser) {
        return (Map<String, Object>) browser.eval("return window.publishState || null;");
    }
}
