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

/**
 * KVS WebRTC ingestion to storage, as a camera does it: a page built on the KVS WebRTC JS SDK
 * (headless Chromium, fake camera and microphone) connects as the master of a channel whose media
 * storage configuration is ENABLED for a stream; JoinStorageSession (AWS SDK v2, on the WEBRTC
 * endpoint GetSignalingChannelEndpoint returned) makes Freshet send the master an SDP offer through
 * the signaling channel; the master answers and trickles its candidates, the peer connection
 * connects, and its H.264 and Opus become fragments of the stream that play as HLS.
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

            URI hls = Playback.hlsOnDemandAround(server, stream.name(), System.currentTimeMillis());
            FfProbe.Probe probe = FfProbe.probe(hls.toString());
            assertThat(probe.video().codecName()).isEqualTo("h264");
            assertThat(probe.video().width()).as("width").isEqualTo(((Number) sending.get("width")).intValue());
            assertThat(probe.video().height()).as("height").isEqualTo(((Number) sending.get("height")).intValue());
            assertThat(probe.audio()).hasValueSatisfying(a -> assertThat(a.codecName()).isEqualTo("opus"));
        }
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

    @SuppressWarnings("unchecked")
    private static Map<String, Object> state(Browser browser) {
        Object state = browser.eval("return window.kvsState || null;");
        return state == null ? Map.of() : (Map<String, Object>) state;
    }
}
