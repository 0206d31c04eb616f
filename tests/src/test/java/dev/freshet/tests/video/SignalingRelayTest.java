package dev.freshet.tests.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import dev.freshet.tests.harness.Streams;
import dev.freshet.tests.video.support.Http;
import dev.freshet.tests.video.support.SignalingSocketClient;
import dev.freshet.tests.video.support.VideoServer;
import java.net.http.HttpClient;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.kinesisvideo.model.ChannelProtocol;
import software.amazon.awssdk.services.kinesisvideo.model.ChannelRole;

/**
 * The signaling WebSocket at the WSS endpoint GetSignalingChannelEndpoint returns, with raw
 * WebSocket clients speaking the KVS message format: a viewer's offer reaches the master with the
 * viewer's id, the master's answer (sent with the C SDK's capitalised keys) reaches that viewer;
 * refused messages are answered with STATUS_RESPONSE and counted on {@code /metrics} while the
 * connection goes on; a new master replaces the old one (GO_AWAY); deleting the channel sends
 * GO_AWAY to everyone, and so does stopping the server; bad connection queries are refused before
 * the upgrade.
 */
class SignalingRelayTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @RegisterExtension
    static final VideoServer server = new VideoServer();

    @Test
    void offersAnswersAndCandidatesGoBetweenMasterAndViewers() {
        String arn = channel("relay");
        String wss = wss(arn);
        try (SignalingSocketClient master = SignalingSocketClient.connect(wss, arn, null);
             SignalingSocketClient viewer = SignalingSocketClient.connect(wss, arn, "viewer-1");
             SignalingSocketClient other = SignalingSocketClient.connect(wss, arn, "viewer-2")) {
            String offer = payload("{\"type\":\"offer\",\"sdp\":\"v=0\\r\\n\"}");
            viewer.send("{\"action\":\"SDP_OFFER\",\"messagePayload\":\"" + offer + "\",\"correlationId\":\"c1\"}");
            JsonNode atMaster = master.next(WAIT);
            assertThat(atMaster.path("messageType").asText()).isEqualTo("SDP_OFFER");
            assertThat(atMaster.path("senderClientId").asText()).isEqualTo("viewer-1");
            assertThat(atMaster.path("messagePayload").asText()).isEqualTo(offer);

            String answer = payload("{\"type\":\"answer\",\"sdp\":\"v=0\\r\\n\"}");
            master.send("{\n\t\"action\": \"SDP_ANSWER\",\n\t\"RecipientClientId\": \"viewer-1\",\n\t\"MessagePayload\": \""
                    + answer + "\",\n\t\"CorrelationId\": \"c2\"\n}");
            JsonNode atViewer = viewer.next(WAIT);
            assertThat(atViewer.path("messageType").asText()).isEqualTo("SDP_ANSWER");
            assertThat(atViewer.path("messagePayload").asText()).isEqualTo(answer);

            String candidate = payload("{\"candidate\":\"candidate:1 1 udp 1 127.0.0.1 5000 typ host\",\"sdpMid\":\"0\"}");
            other.send("{\"action\":\"ICE_CANDIDATE\",\"messagePayload\":\"" + candidate + "\"}");
            assertThat(master.next(WAIT).path("senderClientId").asText()).isEqualTo("viewer-2");
        }
    }

    @Test
    void refusedMessagesAreAnsweredAndCountedAndTheConnectionGoesOn() {
        String arn = channel("refusals");
        try (SignalingSocketClient master = SignalingSocketClient.connect(wss(arn), arn, null);
             SignalingSocketClient viewer = SignalingSocketClient.connect(wss(arn), arn, "viewer-1")) {
            String ok = payload("{\"type\":\"answer\",\"sdp\":\"v=0\"}");
            master.send("{\"action\":\"SDP_ANSWER\",\"recipientClientId\":\"nobody\",\"messagePayload\":\"" + ok
                    + "\",\"correlationId\":\"c-7\"}");
            JsonNode status = master.next(WAIT);
            assertThat(status.path("messageType").asText()).isEqualTo("STATUS_RESPONSE");
            assertThat(status.path("statusResponse").path("correlationId").asText()).isEqualTo("c-7");
            assertThat(status.path("statusResponse").path("errorType").asText()).isEqualTo("ResourceNotFoundException");
            assertThat(status.path("statusResponse").path("description").asText()).startsWith("recipient-not-connected");

            master.send("{not json");
            assertThat(reasonOf(master.next(WAIT))).isEqualTo("malformed-message");
            master.send("{\"action\":\"DANCE\",\"messagePayload\":\"" + ok + "\"}");
            assertThat(reasonOf(master.next(WAIT))).isEqualTo("unknown-action");
            master.send("{\"action\":\"SDP_ANSWER\",\"recipientClientId\":\"viewer-1\",\"messagePayload\":\"%%\"}");
            assertThat(reasonOf(master.next(WAIT))).isEqualTo("invalid-payload");
            master.send("{\"action\":\"SDP_ANSWER\",\"messagePayload\":\"" + "A".repeat(100_000) + "\"}");
            assertThat(reasonOf(master.next(WAIT))).isEqualTo("message-too-large");

            master.send("{\"action\":\"SDP_ANSWER\",\"recipientClientId\":\"viewer-1\",\"messagePayload\":\"" + ok + "\"}");
            assertThat(viewer.next(WAIT).path("messageType").asText()).as("still relaying").isEqualTo("SDP_ANSWER");
        }
        String metrics = Http.ok(server.endpoint().resolve("/metrics")).text();
        assertThat(metrics).contains("freshet_signaling_messages_refused_total{reason=\"recipient_not_connected\"}")
                .contains("freshet_signaling_messages_refused_total{reason=\"message_too_large\"}")
                .contains("freshet_signaling_messages_relayed_total").contains("freshet_signaling_channels");
        assertThat(counter(metrics, "freshet_signaling_messages_refused_total{reason=\"malformed_message\"}"))
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void aNewMasterTakesOverAndTheOldOneIsToldToGoAway() throws Exception {
        String arn = channel("takeover");
        try (SignalingSocketClient first = SignalingSocketClient.connect(wss(arn), arn, null);
             SignalingSocketClient viewer = SignalingSocketClient.connect(wss(arn), arn, "viewer-1")) {
            try (SignalingSocketClient second = SignalingSocketClient.connect(wss(arn), arn, null)) {
                assertThat(first.next(WAIT).path("messageType").asText()).isEqualTo("GO_AWAY");
                assertThat(first.closed().get(10, TimeUnit.SECONDS)).isEqualTo(1001);

                viewer.send("{\"action\":\"SDP_OFFER\",\"messagePayload\":\"" + payload("{\"type\":\"offer\"}") + "\"}");
                assertThat(second.next(WAIT).path("senderClientId").asText()).isEqualTo("viewer-1");

                String version = server.control().describeSignalingChannel(b -> b.channelARN(arn)).channelInfo().version();
                server.control().deleteSignalingChannel(b -> b.channelARN(arn).currentVersion(version));
                assertThat(second.next(WAIT).path("messageType").asText()).isEqualTo("GO_AWAY");
                assertThat(viewer.next(WAIT).path("messageType").asText()).isEqualTo("GO_AWAY");
                assertThat(viewer.closed().get(10, TimeUnit.SECONDS)).isEqualTo(1001);
            }
        }
    }

    @Test
    void stoppingTheServerSendsGoAwayAndChannelsOutliveTheRestart() throws Exception {
        String arn = channel("shutdown");
        try (SignalingSocketClient master = SignalingSocketClient.connect(wss(arn), arn, null);
             SignalingSocketClient viewer = SignalingSocketClient.connect(wss(arn), arn, "viewer-1")) {
            server.process().stop();
            assertThat(master.next(WAIT).path("messageType").asText()).isEqualTo("GO_AWAY");
            assertThat(viewer.next(WAIT).path("messageType").asText()).isEqualTo("GO_AWAY");
            assertThat(master.closed().get(10, TimeUnit.SECONDS)).isEqualTo(1001);
        } finally {
            server.process().restart();
        }
        try (SignalingSocketClient master = SignalingSocketClient.connect(wss(arn), arn, null);
             SignalingSocketClient viewer = SignalingSocketClient.connect(wss(arn), arn, "viewer-1")) {
            viewer.send("{\"action\":\"SDP_OFFER\",\"messagePayload\":\"" + payload("{\"type\":\"offer\"}") + "\"}");
            assertThat(master.next(WAIT).path("senderClientId").asText()).isEqualTo("viewer-1");
        }
    }

    @Test
    void badConnectionsAreRefusedBeforeTheUpgrade() {
        String arn = channel("handshake");
        assertThat(handshakeStatus(wss(arn), arn.replaceAll("/\\d+$", "/1"), null)).isEqualTo(404);
        assertThat(handshakeStatus(wss(arn), arn, "AWS_reserved")).isEqualTo(400);
        assertThat(handshakeStatus(wss(arn), arn, "no spaces")).isEqualTo(400);
    }

    @Test
    void aChannelTakesTenViewers() {
        String arn = channel("full");
        List<SignalingSocketClient> viewers = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                viewers.add(SignalingSocketClient.connect(wss(arn), arn, "viewer-" + i));
            }
            assertThat(handshakeStatus(wss(arn), arn, "viewer-10")).as("an eleventh viewer").isEqualTo(400);
            viewers.add(SignalingSocketClient.connect(wss(arn), arn, "viewer-3"));
            assertThat(viewers.get(3).next(WAIT).path("messageType").asText()).as("replaced viewer").isEqualTo("GO_AWAY");
        } finally {
            viewers.forEach(SignalingSocketClient::close);
        }
    }

    private static int handshakeStatus(String wss, String arn, String clientId) {
        Throwable failure = catchThrowable(() -> HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(SignalingSocketClient.uri(wss, arn, clientId), new java.net.http.WebSocket.Listener() { })
                .join());
        assertThat(failure).isInstanceOf(CompletionException.class).hasCauseInstanceOf(WebSocketHandshakeException.class);
        return ((WebSocketHandshakeException) failure.getCause()).getResponse().statusCode();
    }

    private static String channel(String prefix) {
        return server.control().createSignalingChannel(b -> b.channelName(Streams.uniqueName(prefix))).channelARN();
    }

    private static String wss(String arn) {
        return server.control().getSignalingChannelEndpoint(b -> b.channelARN(arn)
                .singleMasterChannelEndpointConfiguration(c -> c.protocols(ChannelProtocol.WSS).role(ChannelRole.MASTER)))
                .resourceEndpointList().get(0).resourceEndpoint();
    }

    private static String reasonOf(JsonNode status) {
        assertThat(status.path("messageType").asText()).isEqualTo("STATUS_RESPONSE");
        String description = status.path("statusResponse").path("description").asText();
        return description.substring(0, description.indexOf(':'));
    }

    private static double counter(String metrics, String series) {
        return metrics.lines().filter(line -> line.startsWith(series + " ")).mapToDouble(
                line -> Double.parseDouble(line.substring(series.length() + 1).trim())).findFirst().orElse(-1);
    }

    private static String payload(String json) {
        return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
