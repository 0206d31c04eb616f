package dev.freshet.tests.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.freshet.tests.harness.Clients;
import dev.freshet.tests.harness.Streams;
import dev.freshet.tests.video.support.VideoServer;
import dev.freshet.tests.video.support.VideoServer.VideoStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.kinesisvideo.KinesisVideoClient;
import software.amazon.awssdk.services.kinesisvideo.model.ChannelInfo;
import software.amazon.awssdk.services.kinesisvideo.model.ChannelProtocol;
import software.amazon.awssdk.services.kinesisvideo.model.ChannelRole;
import software.amazon.awssdk.services.kinesisvideo.model.Status;
import software.amazon.awssdk.services.kinesisvideo.model.ChannelType;
import software.amazon.awssdk.services.kinesisvideo.model.ComparisonOperator;
import software.amazon.awssdk.services.kinesisvideo.model.InvalidArgumentException;
import software.amazon.awssdk.services.kinesisvideo.model.MediaStorageConfigurationStatus;
import software.amazon.awssdk.services.kinesisvideo.model.ResourceEndpointListItem;
import software.amazon.awssdk.services.kinesisvideo.model.ResourceInUseException;
import software.amazon.awssdk.services.kinesisvideo.model.ResourceNotFoundException;
import software.amazon.awssdk.services.kinesisvideo.model.Tag;
import software.amazon.awssdk.services.kinesisvideo.model.VersionMismatchException;
import software.amazon.awssdk.services.kinesisvideosignaling.KinesisVideoSignalingClient;
import software.amazon.awssdk.services.kinesisvideosignaling.model.GetIceServerConfigResponse;
import software.amazon.awssdk.services.kinesisvideosignaling.model.Service;
import software.amazon.awssdk.services.kinesisvideowebrtcstorage.KinesisVideoWebRtcStorageClient;

/**
 * Signaling channels with the AWS SDK for Java v2 (2.40.2) as a WebRTC application uses them:
 * create, describe, list, update, tag, media storage, GetSignalingChannelEndpoint, then
 * GetIceServerConfig through {@code KinesisVideoSignalingClient} at the HTTPS endpoint it returned,
 * and delete; the channel outlives a restart; JoinStorageSession (through
 * {@code KinesisVideoWebRtcStorageClient}) refuses unknown channels, disabled storage and absent masters; refusals carry the service's error types, and bad
 * bodies sent raw are answered as the model says.
 */
class SignalingControlPlaneTest {
    private static final String TURN = "turn:127.0.0.1:3478?transport=udp";

    @RegisterExtension
    static final VideoServer server = new VideoServer("--webrtc-ice-servers", TURN + ",stun:127.0.0.1:3478",
            "--webrtc-ice-username", "freshet", "--webrtc-ice-password", "s3cret");

    private final KinesisVideoClient video = server.control();

    @Test
    void aChannelLivesThroughTheControlPlaneAsTheSdkSeesIt() {
        String name = Streams.uniqueName("door");
        Instant before = Instant.now().minusSeconds(1);
        String arn = video.createSignalingChannel(b -> b.channelName(name).channelType(ChannelType.SINGLE_MASTER)
                .singleMasterConfiguration(c -> c.messageTtlSeconds(30))
                .tags(Tag.builder().key("site").value("front").build())).channelARN();
        assertThat(arn).matches("arn:aws:kinesisvideo:us-east-1:" + Clients.ACCOUNT_ID + ":channel/" + name + "/\\d{13}");

        ChannelInfo info = video.describeSignalingChannel(b -> b.channelName(name)).channelInfo();
        assertThat(info.channelARN()).isEqualTo(arn);
        assertThat(info.channelType()).isEqualTo(ChannelType.SINGLE_MASTER);
        assertThat(info.channelStatus()).isEqualTo(Status.ACTIVE);
        assertThat(info.creationTime()).isBetween(before, Instant.now().plusSeconds(1));
        assertThat(info.singleMasterConfiguration().messageTtlSeconds()).isEqualTo(30);
        assertThat(video.describeSignalingChannel(b -> b.channelARN(arn)).channelInfo()).isEqualTo(info);
        assertThat(video.listSignalingChannels(b -> b.channelNameCondition(c -> c
                .comparisonOperator(ComparisonOperator.BEGINS_WITH).comparisonValue(name))).channelInfoList())
                .extracting(ChannelInfo::channelName).containsExactly(name);

        video.updateSignalingChannel(b -> b.channelARN(arn).currentVersion(info.version())
                .singleMasterConfiguration(c -> c.messageTtlSeconds(90)));
        ChannelInfo updated = video.describeSignalingChannel(b -> b.channelARN(arn)).channelInfo();
        assertThat(updated.singleMasterConfiguration().messageTtlSeconds()).isEqualTo(90);
        assertThat(updated.version()).isNotEqualTo(info.version());
        assertThat(catchThrowableOfType(VersionMismatchException.class, () -> video.updateSignalingChannel(
                b -> b.channelARN(arn).currentVersion(info.version())))).isNotNull();

        video.tagResource(b -> b.resourceARN(arn).tags(Tag.builder().key("floor").value("1").build()));
        video.untagResource(b -> b.resourceARN(arn).tagKeyList("site"));
        assertThat(video.listTagsForResource(b -> b.resourceARN(arn)).tags()).containsExactly(Map.entry("floor", "1"));

        video.deleteSignalingChannel(b -> b.channelARN(arn).currentVersion(updated.version()));
        assertThat(catchThrowableOfType(ResourceNotFoundException.class,
                () -> video.describeSignalingChannel(b -> b.channelARN(arn))).statusCode()).isEqualTo(404);
    }

    @Test
    void endpointsAreThisServerAndGiveTheConfiguredIceServers() {
        String arn = video.createSignalingChannel(b -> b.channelName(Streams.uniqueName("ice"))).channelARN();

        List<ResourceEndpointListItem> endpoints = video.getSignalingChannelEndpoint(b -> b.channelARN(arn)
                .singleMasterChannelEndpointConfiguration(c -> c.protocols(ChannelProtocol.WSS, ChannelProtocol.HTTPS,
                        ChannelProtocol.WEBRTC).role(ChannelRole.VIEWER))).resourceEndpointList();
        Map<ChannelProtocol, String> byProtocol = endpoints.stream().collect(Collectors.toMap(
                ResourceEndpointListItem::protocol, ResourceEndpointListItem::resourceEndpoint));
        String authority = server.endpoint().getAuthority();
        assertThat(byProtocol).containsOnly(Map.entry(ChannelProtocol.WSS, "ws://" + authority + "/signaling"),
                Map.entry(ChannelProtocol.HTTPS, "http://" + authority),
                Map.entry(ChannelProtocol.WEBRTC, "http://" + authority));

        try (KinesisVideoSignalingClient signaling = KinesisVideoSignalingClient.builder()
                .endpointOverride(URI.create(byProtocol.get(ChannelProtocol.HTTPS))).region(Clients.REGION)
                .credentialsProvider(Clients.credentials()).httpClient(ApacheHttpClient.create()).build()) {
            GetIceServerConfigResponse ice = signaling.getIceServerConfig(b -> b.channelARN(arn).clientId("viewer-1")
                    .service(Service.TURN));
            assertThat(ice.iceServerList()).hasSize(1);
            assertThat(ice.iceServerList().get(0).uris()).containsExactly(TURN, "stun:127.0.0.1:3478");
            assertThat(ice.iceServerList().get(0).username()).isEqualTo("freshet");
            assertThat(ice.iceServerList().get(0).password()).isEqualTo("s3cret");
            assertThat(ice.iceServerList().get(0).ttl()).isPositive();
            assertThat(catchThrowableOfType(
                    software.amazon.awssdk.services.kinesisvideosignaling.model.ResourceNotFoundException.class,
                    () -> signaling.getIceServerConfig(b -> b.channelARN(arn.replaceAll("/\\d+$", "/1")))))
                    .isNotNull();
        }
    }

    @Test
    void mediaStorageNamesAnExistingStreamAndSurvivesARestart() {
        VideoStream stream = server.createStream("stored");
        String name = Streams.uniqueName("camera");
        String arn = video.createSignalingChannel(b -> b.channelName(name)).channelARN();
        assertThat(video.describeMediaStorageConfiguration(b -> b.channelARN(arn)).mediaStorageConfiguration()
                .status()).isEqualTo(MediaStorageConfigurationStatus.DISABLED);

        video.updateMediaStorageConfiguration(b -> b.channelARN(arn).mediaStorageConfiguration(c -> c
                .streamARN(stream.arn()).status(MediaStorageConfigurationStatus.ENABLED)));
        assertThat(catchThrowableOfType(ResourceNotFoundException.class, () -> video.updateMediaStorageConfiguration(
                b -> b.channelARN(arn).mediaStorageConfiguration(c -> c.streamARN(stream.arn() + "0")
                        .status(MediaStorageConfigurationStatus.ENABLED))))).isNotNull();
        String other = video.createSignalingChannel(b -> b.channelName(name + "-2")).channelARN();
        assertThat(catchThrowableOfType(ResourceInUseException.class, () -> video.updateMediaStorageConfiguration(
                b -> b.channelARN(other).mediaStorageConfiguration(c -> c.streamARN(stream.arn())
                        .status(MediaStorageConfigurationStatus.ENABLED))))).isNotNull();

        server.process().stop();
        server.process().restart();
        var storage = video.describeMediaStorageConfiguration(b -> b.channelName(name)).mediaStorageConfiguration();
        assertThat(storage.streamARN()).isEqualTo(stream.arn());
        assertThat(storage.status()).isEqualTo(MediaStorageConfigurationStatus.ENABLED);
        assertThat(video.describeSignalingChannel(b -> b.channelARN(arn)).channelInfo().channelName()).isEqualTo(name);
    }

    @Test
    void refusalsCarryTheServicesErrorTypes() {
        String name = Streams.uniqueName("dup");
        video.createSignalingChannel(b -> b.channelName(name));
        assertThat(catchThrowableOfType(ResourceInUseException.class,
                () -> video.createSignalingChannel(b -> b.channelName(name)))).isNotNull();
        InvalidArgumentException mesh = catchThrowableOfType(InvalidArgumentException.class,
                () -> video.createSignalingChannel(b -> b.channelName(name + "-mesh").channelType(ChannelType.FULL_MESH)));
        assertThat(mesh.awsErrorDetails().errorMessage()).contains("FULL_MESH");
        assertThat(catchThrowableOfType(ResourceNotFoundException.class,
                () -> video.describeSignalingChannel(b -> b.channelName(name + "-none")))).isNotNull();
    }

    @Test
    void badBodiesSentRawAreAnsweredAsTheModelSays() throws Exception {
        assertError(post("/createSignalingChannel", "{\"ChannelName\":\"no spaces\"}"), 400, "ValidationException");
        assertError(post("/createSignalingChannel",
                "{\"ChannelName\":\"ttl\",\"SingleMasterConfiguration\":{\"MessageTtlSeconds\":500}}"),
                400, "ValidationException");
        assertError(post("/createSignalingChannel", "{\"ChannelName\":"), 400, "SerializationException");
        assertError(post("/describeSignalingChannel", "{}"), 400, "InvalidArgumentException");
        assertError(post("/getSignalingChannelEndpoint", "{\"ChannelARN\":\"arn:aws:kinesisvideo:us-east-1:"
                + Clients.ACCOUNT_ID + ":channel/none/1\"}"), 404, "ResourceNotFoundException");
        assertError(post("/v1/send-alexa-offer-to-master", "{}"), 400, "InvalidArgumentException");
    }

    private static HttpResponse<String> post(String path, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.endpoint().resolve(path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void assertError(HttpResponse<String> response, int status, String type) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).as(response.body()).hasValue(type);
        JsonNode body = new ObjectMapper().readTree(response.body());
        assertThat(body.path("message").asText()).isNotBlank();
    }
    @Test
    void joinStorageSessionIsRefusedWithTheServicesErrorsUntilAMasterCanBeOffered() {
        VideoStream stream = server.createStream("storage-refusals");
        String arn = video.createSignalingChannel(b -> b.channelName(Streams.uniqueName("storage"))).channelARN();
        try (KinesisVideoWebRtcStorageClient storage = KinesisVideoWebRtcStorageClient.builder()
                .endpointOverride(server.endpoint()).region(Clients.REGION).credentialsProvider(Clients.credentials())
                .httpClient(ApacheHttpClient.create()).build()) {
            var unknown = catchThrowableOfType(
                    software.amazon.awssdk.services.kinesisvideowebrtcstorage.model.ResourceNotFoundException.class,
                    () -> storage.joinStorageSession(b -> b.channelArn(arn.replaceAll("/\\d+$", "/1"))));
            assertThat(unknown.statusCode()).isEqualTo(404);

            var disabled = catchThrowableOfType(
                    software.amazon.awssdk.services.kinesisvideowebrtcstorage.model.InvalidArgumentException.class,
                    () -> storage.joinStorageSession(b -> b.channelArn(arn)));
            assertThat(disabled.getMessage()).contains("not enabled");

            video.updateMediaStorageConfiguration(b -> b.channelARN(arn).mediaStorageConfiguration(
                    c -> c.streamARN(stream.arn()).status(MediaStorageConfigurationStatus.ENABLED)));
            var noMaster = catchThrowableOfType(
                    software.amazon.awssdk.services.kinesisvideowebrtcstorage.model.InvalidArgumentException.class,
                    () -> storage.joinStorageSession(b -> b.channelArn(arn)));
            assertThat(noMaster.getMessage()).contains("No master is connected");

            var asViewer = catchThrowableOfType(
                    software.amazon.awssdk.services.kinesisvideowebrtcstorage.model.ResourceNotFoundException.class,
                    () -> storage.joinStorageSessionAsViewer(b -> b.channelArn(arn).clientId("viewer-1")));
            assertThat(asViewer.getMessage()).as("no storage session receives yet").contains("no storage session");
            var badClient = catchThrowableOfType(
                    software.amazon.awssdk.services.kinesisvideowebrtcstorage.model.KinesisVideoWebRtcStorageException.class,
                    () -> storage.joinStorageSessionAsViewer(b -> b.channelArn(arn).clientId("no spaces")));
            assertThat(badClient.statusCode()).isEqualTo(400);
            assertThat(badClient.getMessage()).contains("clientId");
        }
    }
}
