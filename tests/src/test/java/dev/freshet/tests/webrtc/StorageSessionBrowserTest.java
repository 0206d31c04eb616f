package dev.freshet.tests.webrtc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import dev.freshet.tests.harness.Clients;
import dev.freshet.tests.harness.Streams;
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
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.kinesisvideo.model.ChannelProtocol;
import software.amazon.awssdk.services.kinesisvideo.model.ChannelRole;
import software.amazon.awssdk.services.kinesisvideo.model.MediaStorageConfigurationStatus;
import software.amazon.awssdk.services.kinesisvideo.model.ResourceEndpointListItem;
import software.amazon.awssdk.services.kinesisvideowebrtcstorage.KinesisVideoWebRtcStorageClient;
import software.amazon.awssdk.services.kinesisvideowebrtcstorage.model.InvalidArgumentException;
import software.amazon.awssdk.services.kinesisvideowebrtcstorage.model.ResourceNotFoundException;

/**
 * KVS WebRTC ingestion to storage, as a camera does it: a page built on the KVS WebRTC JS SDK
 * (headless Chromium, fake camera and microphone) connects as the master of a channel whose media
 * storage configuration is ENABLED for a stream; JoinStorageSession (AWS SDK v2, on the WEBRTC
 * endpoint GetSignalingChannelEndpoint returned) makes Freshet send the master an SDP offer through
 * the signaling channel; the master answers and trickles its candidates, the peer connection
 * connects, and its H.264 and Opus become fragments of the stream that play as HLS. Then a KVS JS
 * SDK viewer (a frame of the same page) connects to the channel and calls
 * JoinStorageSessionAsViewer: the storage session offers it the master's media through the
 * signaling channel, it answers, and it decodes the master's camera (and receives its audio) as
 * Freshet forwards them.
 */
class StorageSessionBrowserTest {
    @RegisterExtension
    static final VideoServer server = new VideoServer();

    @Test
    void aKvsMastersMediaIsStoredAfterJoinStorageSession() {
        VideoStream stream = server.createStream("storage-cam");
        String channel = Streams.uniqueName("storage-channel");
        String arn = server.control().createSignalingChannel(b -> b.channelName(channel)).channelARN();
        Map<ChannelProtocol, String> endpoints = endpoints(arn);

        try (KinesisVideoWebRtcStorageClient storage = storageClient(endpoints.get(ChannelProtocol.WEBRTC));
             StaticSite site = StaticSite.testPages();
             Browser browser = Browser.headlessChromium(Browser.WEBRTC_FLAGS)) {
            InvalidArgumentException disabled = catchThrowableOfType(InvalidArgumentException.class,
                    () -> storage.joinStorageSession(b -> b.channelArn(arn)));
            assertThat(disabled.getMessage()).as("storage not enabled yet").contains("not enabled");
            ResourceNotFoundException early = catchThrowableOfType(ResourceNotFoundException.class,
                    () -> storage.joinStorageSessionAsViewer(b -> b.channelArn(arn).clientId("storage-viewer-1")));
            assertThat(early.getMessage()).as("Freshet needs the master's storage session first")
                    .contains("no storage session");
            server.control().updateMediaStorageConfiguration(b -> b.channelARN(arn).mediaStorageConfiguration(
                    c -> c.streamARN(stream.arn()).status(MediaStorageConfigurationStatus.ENABLED)));

            browser.open(site.uri("/kvs.html#" + config(endpoints.get(ChannelProtocol.WSS), arn)));
            await("the master's signaling opens").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                    .until(() -> Boolean.TRUE.equals(state(browser).get("open")));

            storage.joinStorageSession(b -> b.channelArn(arn));
            await("the master answers Freshet's offer and connects").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(200)).until(() -> "connected".equals(state(browser).get("connection")));
            // a camera calls again until it has an offer: a connected session is kept, no second offer
            storage.joinStorageSession(b -> b.channelArn(arn));

            server.awaitAtLeast(stream.name(), 2, Duration.ofSeconds(30));
            Map<String, Object> sending = state(browser);
            assertThat(sending.get("offersFromViewers")).as("one offer, from no client id").isEqualTo(
                    Collections.singletonList(null));
            assertThat(sending.get("codec")).as("the master sends H.264").isEqualTo("video/H264");
            assertThat(sending.get("statusResponses")).as("no message was refused").isEqualTo(List.of());
            await("the master gets transport-wide feedback").atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(250)).until(() -> StreamMetrics.value(StreamMetrics.scrape(
                            server.endpoint()), "freshet_webrtc_transport_feedback_total", stream.name()) > 0);

            URI hls = Playback.hlsOnDemandAround(server, stream.name(), System.currentTimeMillis());
            FfProbe.Probe probe = FfProbe.probe(hls.toString());
            assertThat(probe.video().codecName()).isEqualTo("h264");
            assertThat(probe.video().width()).as("width").isEqualTo(((Number) sending.get("width")).intValue());
            assertThat(probe.video().height()).as("height").isEqualTo(((Number) sending.get("height")).intValue());
            assertThat(probe.audio()).hasValueSatisfying(a -> assertThat(a.codecName()).isEqualTo("opus"));

            watchAsStorageViewer(browser, site, storage, endpoints.get(ChannelProtocol.WSS), arn, sending);
        }
    }

    /** A KVS viewer joins the storage session and decodes the master's camera that Freshet forwards. */
    private static void watchAsStorageViewer(Browser browser, StaticSite site, KinesisVideoWebRtcStorageClient storage,
                                             String wss, String arn, Map<String, Object> master) {
        InvalidArgumentException unknown = catchThrowableOfType(InvalidArgumentException.class,
                () -> storage.joinStorageSessionAsViewer(b -> b.channelArn(arn).clientId("storage-viewer-1")));
        assertThat(unknown.getMessage()).as("the viewer is not connected yet").contains("storage-viewer-1");

        String config = "{\"role\":\"VIEWER\",\"endpoint\":\"" + wss + "\",\"channelArn\":\"" + arn
                + "\",\"clientId\":\"storage-viewer-1\",\"storageViewer\":true}";
        URI page = site.uri("/kvs.html#" + URLEncoder.encode(config, StandardCharsets.UTF_8).replace("+", "%20"));
        browser.eval("var frame = document.createElement('iframe'); frame.id = 'viewer';"
                + " frame.src = '" + page + "'; document.body.appendChild(frame);");
        String viewer = "document.getElementById('viewer').contentWindow.kvsState";
        await("the viewer's signaling opens").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> Boolean.TRUE.equals(state(browser, viewer).get("open")));

        storage.joinStorageSessionAsViewer(b -> b.channelArn(arn).clientId("storage-viewer-1"));
        await("the viewer answers the storage session's offer and connects").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200)).until(() -> "connected".equals(state(browser, viewer).get("connection")));
        await("the viewer decodes the master's camera").atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(250)).until(() -> number(state(browser, viewer), "framesDecoded") > 0);
        long first = number(state(browser, viewer), "framesDecoded");
        await("the viewer keeps decoding").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250))
                .until(() -> number(state(browser, viewer), "framesDecoded") > first + 10);

        Map<String, Object> watched = state(browser, viewer);
        assertThat(watched.get("width")).as("the master's width").isEqualTo(master.get("width"));
        assertThat(watched.get("height")).as("the master's height").isEqualTo(master.get("height"));
        assertThat(number(watched, "audioPacketsReceived")).as("the master's audio too").isPositive();
        assertThat(watched.get("offersReceived")).as("one offer, from the storage session").isEqualTo(1L);
        assertThat(watched.get("errors")).isEqualTo(List.of());
        assertThat(watched.get("statusResponses")).as("no message was refused").isEqualTo(List.of());
        assertThat(state(browser, "window.kvsState").get("offersFromViewers"))
                .as("the viewer's messages went to the storage session, not the master")
                .isEqualTo(Collections.singletonList(null));
    }

    private static long number(Map<String, Object> state, String key) {
        Object value = state.get(key);
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static Map<ChannelProtocol, String> endpoints(String arn) {
        return server.control().getSignalingChannelEndpoint(b -> b.channelARN(arn)
                        .singleMasterChannelEndpointConfiguration(c -> c.role(ChannelRole.MASTER)
                                .protocols(ChannelProtocol.WSS, ChannelProtocol.WEBRTC)))
                .resourceEndpointList().stream()
                .collect(Collectors.toMap(ResourceEndpointListItem::protocol,
                        ResourceEndpointListItem::resourceEndpoint));
    }

    private static KinesisVideoWebRtcStorageClient storageClient(String webrtcEndpoint) {
        return KinesisVideoWebRtcStorageClient.builder().endpointOverride(URI.create(webrtcEndpoint))
                .region(Clients.REGION).credentialsProvider(Clients.credentials())
                .httpClient(ApacheHttpClient.create()).build();
    }

    private static String config(String wss, String arn) {
        String json = "{\"role\":\"MASTER\",\"endpoint\":\"" + wss + "\",\"channelArn\":\"" + arn + "\",\"audio\":true}";
        return URLEncoder.encode(json, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static Map<String, Object> state(Browser browser) {
        return state(browser, "window.kvsState");
    }

    /** The page's state object at {@code expression}, empty before the page has made it. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> state(Browser browser, String expression) {
        Object state = browser.eval("try { return " + expression + " || null; } catch (e) { return null; }");
        return state == null ? Map.of() : (Map<String, Object>) state;
    }
}
