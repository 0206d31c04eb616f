package dev.freshet.tests.webrtc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.freshet.tests.harness.Streams;
import dev.freshet.tests.video.support.Browser;
import dev.freshet.tests.video.support.Http;
import dev.freshet.tests.video.support.StaticSite;
import dev.freshet.tests.video.support.VideoServer;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.kinesisvideo.model.ChannelProtocol;
import software.amazon.awssdk.services.kinesisvideo.model.ChannelRole;

/**
 * The KVS WebRTC JS SDK (2.9.0, vendored) against Freshet's signaling, in headless Chromium on
 * loopback: a page connects as the channel's master with the fake camera, a frame of it connects as
 * a viewer to the WSS endpoint GetSignalingChannelEndpoint returned and offers; the SDP and ICE
 * candidates are relayed by Freshet, the two peer connections connect peer to peer and the viewer
 * decodes the master's camera, more and more frames. {@code /metrics} counts the master, the viewer
 * and the relayed messages.
 */
class KvsSignalingBrowserTest {
    @RegisterExtension
    static final VideoServer server = new VideoServer();

    @Test
    void aKvsViewerWatchesAKvsMasterThroughFreshetsSignaling() {
        String channel = Streams.uniqueName("kvs-browser");
        String arn = server.control().createSignalingChannel(b -> b.channelName(channel)).channelARN();
        String wss = server.control().getSignalingChannelEndpoint(b -> b.channelARN(arn)
                .singleMasterChannelEndpointConfiguration(c -> c.protocols(ChannelProtocol.WSS).role(ChannelRole.MASTER)))
                .resourceEndpointList().get(0).resourceEndpoint();
        try (StaticSite site = StaticSite.testPages();
             Browser browser = Browser.headlessChromium(Browser.WEBRTC_FLAGS)) {
            browser.open(page(site, "MASTER", wss, arn, null));
            await("the master's signaling opens").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                    .until(() -> Boolean.TRUE.equals(state(browser, "window.kvsState").get("open")));

            browser.eval("var frame = document.createElement('iframe'); frame.id = 'viewer';"
                    + " frame.src = '" + page(site, "VIEWER", wss, arn, "viewer-1") + "';"
                    + " document.body.appendChild(frame);");
            String viewer = "document.getElementById('viewer').contentWindow.kvsState";
            await("the viewer connects peer to peer").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .until(() -> "connected".equals(state(browser, viewer).get("connection")));
            assertThat(state(browser, "window.kvsState").get("offersFromViewers")).isEqualTo(List.of("viewer-1"));
            assertThat(state(browser, "window.kvsState").get("connection")).isEqualTo("connected");

            await("the viewer decodes the master's camera").atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(250)).until(() -> framesDecoded(browser, viewer) > 0);
            long first = framesDecoded(browser, viewer);
            await("the viewer keeps decoding").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250))
                    .until(() -> framesDecoded(browser, viewer) > first + 10);
            Map<String, Object> watched = state(browser, viewer);
            assertThat(watched.get("width")).isEqualTo(640L);
            assertThat(watched.get("height")).isEqualTo(480L);
            assertThat(watched.get("errors")).isEqualTo(List.of());
            assertThat(watched.get("statusResponses")).as("no message was refused").isEqualTo(List.of());

            String metrics = Http.ok(server.endpoint().resolve("/metrics")).text();
            assertThat(metrics).contains("freshet_signaling_masters 1.0").contains("freshet_signaling_viewers 1.0");
            assertThat(relayed(metrics)).as("offer, answer and candidates relayed").isGreaterThanOrEqualTo(3);
        }
    }

    private static URI page(StaticSite site, String role, String wss, String arn, String clientId) {
        String config = "{\"role\":\"" + role + "\",\"endpoint\":\"" + wss + "\",\"channelArn\":\"" + arn + "\""
                + (clientId == null ? "" : ",\"clientId\":\"" + clientId + "\"") + "}";
        return site.uri("/kvs.html#" + URLEncoder.encode(config, StandardCharsets.UTF_8).replace("+", "%20"));
    }

    private static long framesDecoded(Browser browser, String expression) {
        Object frames = state(browser, expression).get("framesDecoded");
        return frames == null ? 0 : ((Number) frames).longValue();
    }

    private static double relayed(String metrics) {
        return metrics.lines().filter(line -> line.startsWith("freshet_signaling_messages_relayed_total "))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.indexOf(' ') + 1).trim()))
                .findFirst().orElse(0);
    }

    /** The page's state object at {@code expression}, empty before the page has made it. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> state(Browser browser, String expression) {
        Object state = browser.eval("try { return " + expression + " || null; } catch (e) { return null; }");
        return state == null ? Map.of() : (Map<String, Object>) state;
    }
}
