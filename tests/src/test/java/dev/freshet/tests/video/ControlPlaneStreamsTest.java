package dev.freshet.tests.video;

import static dev.freshet.tests.video.VideoClients.awaitGone;
import static dev.freshet.tests.video.VideoClients.awaitStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import dev.freshet.tests.harness.Clients;
import dev.freshet.tests.harness.FreshetServer;
import dev.freshet.tests.harness.Streams;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.kinesisvideo.KinesisVideoClient;
import software.amazon.awssdk.services.kinesisvideo.model.APIName;
import software.amazon.awssdk.services.kinesisvideo.model.ComparisonOperator;
import software.amazon.awssdk.services.kinesisvideo.model.InvalidArgumentException;
import software.amazon.awssdk.services.kinesisvideo.model.KinesisVideoException;
import software.amazon.awssdk.services.kinesisvideo.model.ResourceInUseException;
import software.amazon.awssdk.services.kinesisvideo.model.ResourceNotFoundException;
import software.amazon.awssdk.services.kinesisvideo.model.Status;
import software.amazon.awssdk.services.kinesisvideo.model.StreamInfo;
import software.amazon.awssdk.services.kinesisvideo.model.UpdateDataRetentionOperation;
import software.amazon.awssdk.services.kinesisvideo.model.VersionMismatchException;

/**
 * CreateStream, DescribeStream, ListStreams, UpdateStream, UpdateDataRetention, DeleteStream and
 * GetDataEndpoint with the AWS SDK for Java v2 KinesisVideoClient, and their main errors.
 */
class ControlPlaneStreamsTest {
    /** Real transitions (CREATING, UPDATING, DELETING last 300 ms) so the statuses can be seen. */
    @RegisterExtension
    static final FreshetServer server = new FreshetServer("--stream-transition-millis", "300");

    static KinesisVideoClient video;

    @BeforeAll
    static void client() {
        video = VideoClients.control(server.endpoint());
    }

    @AfterAll
    static void close() {
        video.close();
    }

    @Test
    void createdStreamIsCreatingThenActiveWithWhatItWasGiven() {
        String name = Streams.uniqueName("kvs-create");
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        String arn = video.createStream(b -> b.streamName(name).deviceName("door-cam").mediaType("video/h264")
                .dataRetentionInHours(24).tags(Map.of("site", "north"))).streamARN();

        assertThat(arn).startsWith("arn:aws:kinesisvideo:us-east-1:" + Clients.ACCOUNT_ID + ":stream/" + name + "/");
        assertThat(video.describeStream(b -> b.streamARN(arn)).streamInfo().status()).isEqualTo(Status.CREATING);
        StreamInfo info = awaitStatus(video, name, Status.ACTIVE);
        assertThat(info.streamARN()).isEqualTo(arn);
        assertThat(info.deviceName()).isEqualTo("door-cam");
        assertThat(info.mediaType()).isEqualTo("video/h264");
        assertThat(info.dataRetentionInHours()).isEqualTo(24);
        assertThat(info.kmsKeyId()).isEqualTo("arn:aws:kms:us-east-1:" + Clients.ACCOUNT_ID + ":alias/aws/kinesisvideo");
        assertThat(info.version()).matches("[a-zA-Z0-9]{1,64}");
        assertThat(info.creationTime()).isCloseTo(before, within(5, ChronoUnit.SECONDS));
        assertThat(info.creationTime().toEpochMilli()).isEqualTo(Long.parseLong(arn.substring(arn.lastIndexOf('/') + 1)));
    }

    @Test
    void existingNamesAreResourceInUseAndUnknownStreamsResourceNotFound() {
        String name = active("kvs-errors");

        ResourceInUseException taken = catchThrowableOfType(ResourceInUseException.class,
                () -> video.createStream(b -> b.streamName(name)));
        ResourceNotFoundException missing = catchThrowableOfType(ResourceNotFoundException.class,
                () -> video.describeStream(b -> b.streamName(name + "-missing")));

        assertThat(taken.statusCode()).isEqualTo(400);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.awsErrorDetails().errorMessage()).isEqualTo("The requested stream is not found or not active.");
    }

    @Test
    void modelViolationsAreTheServicesValidationException() {
        KinesisVideoException invalid = catchThrowableOfType(KinesisVideoException.class,
                () -> video.createStream(b -> b.streamName("no spaces allowed")));

        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(VideoClients.errorCode(invalid)).isEqualTo("ValidationException");
        assertThat(invalid.awsErrorDetails().errorMessage()).contains("at 'streamName' failed to satisfy constraint");
    }

    @Test
    void listsEveryStreamInPagesAndByNamePrefix() {
        String prefix = Streams.uniqueName("kvs-list") + "-";
        for (String suffix : List.of("c", "a", "b")) {
            video.createStream(b -> b.streamName(prefix + suffix));
        }

        List<String> paged = video.listStreamsPaginator(b -> b.maxResults(2)).streamInfoList().stream()
                .map(StreamInfo::streamName).filter(name -> name.startsWith(prefix)).toList();
        var filtered = video.listStreams(b -> b.maxResults(2).streamNameCondition(c -> c
                .comparisonOperator(ComparisonOperator.BEGINS_WITH).comparisonValue(prefix)));

        assertThat(paged).containsExactly(prefix + "a", prefix + "b", prefix + "c");
        assertThat(filtered.streamInfoList()).extracting(StreamInfo::streamName).containsExactly(prefix + "a", prefix + "b");
        assertThat(video.listStreams(b -> b.nextToken(filtered.nextToken()).streamNameCondition(c -> c
                .comparisonOperator(ComparisonOperator.BEGINS_WITH).comparisonValue(prefix))).streamInfoList())
                .extracting(StreamInfo::streamName).containsExactly(prefix + "c");
    }

    @Test
    void updatesNeedTheCurrentVersionAndGiveANewOne() {
        String name = active("kvs-update");
        String v1 = describe(name).version();

        video.updateStream(b -> b.streamName(name).currentVersion(v1).deviceName("porch").mediaType("video/h265"));

        assertThat(describe(name).status()).isEqualTo(Status.UPDATING);
        assertThat(catchThrowableOfType(ResourceInUseException.class,
                () -> video.updateStream(b -> b.streamName(name).currentVersion(describe(name).version())))).isNotNull();
        StreamInfo updated = awaitStatus(video, name, Status.ACTIVE);
        assertThat(updated.version()).isNotEqualTo(v1);
        assertThat(updated.deviceName()).isEqualTo("porch");
        assertThat(updated.mediaType()).isEqualTo("video/h265");
        VersionMismatchException stale = catchThrowableOfType(VersionMismatchException.class,
                () -> video.updateStream(b -> b.streamName(name).currentVersion(v1).deviceName("garage")));
        assertThat(stale.statusCode()).isEqualTo(400);
    }

    @Test
    void retentionMovesUpAndDownWithinItsBounds() {
        String name = active("kvs-retention");

        retention(name, UpdateDataRetentionOperation.INCREASE_DATA_RETENTION, 48);
        assertThat(describe(name).dataRetentionInHours()).isEqualTo(48);
        retention(name, UpdateDataRetentionOperation.DECREASE_DATA_RETENTION, 47);
        assertThat(describe(name).dataRetentionInHours()).isEqualTo(1);

        assertThat(catchThrowableOfType(InvalidArgumentException.class,
                () -> retention(name, UpdateDataRetentionOperation.DECREASE_DATA_RETENTION, 2))).isNotNull();
        assertThat(catchThrowableOfType(InvalidArgumentException.class,
                () -> retention(name, UpdateDataRetentionOperation.INCREASE_DATA_RETENTION, 87_600))).isNotNull();
        assertThat(describe(name).dataRetentionInHours()).isEqualTo(1);
    }

    @Test
    void deletedStreamIsDeletingThenGone() {
        String name = active("kvs-delete");
        StreamInfo info = describe(name);

        assertThat(catchThrowableOfType(VersionMismatchException.class,
                () -> video.deleteStream(b -> b.streamARN(info.streamARN()).currentVersion("stale")))).isNotNull();
        video.deleteStream(b -> b.streamARN(info.streamARN()).currentVersion(info.version()));

        assertThat(describe(name).status()).isEqualTo(Status.DELETING);
        awaitGone(video, name);
        assertThat(video.listStreams(b -> b.streamNameCondition(c -> c.comparisonOperator(ComparisonOperator.BEGINS_WITH)
                .comparisonValue(name))).streamInfoList()).isEmpty();
        assertThat(catchThrowableOfType(ResourceNotFoundException.class,
                () -> video.deleteStream(b -> b.streamARN(info.streamARN())))).isNotNull();
    }

    @Test
    void dataEndpointIsThisServer() {
        String name = active("kvs-endpoint");

        for (APIName api : List.of(APIName.PUT_MEDIA, APIName.GET_MEDIA, APIName.GET_HLS_STREAMING_SESSION_URL)) {
            String endpoint = video.getDataEndpoint(b -> b.streamName(name).apiName(api)).dataEndpoint();
            assertThat(endpoint).isEqualTo(server.endpoint().toString());
        }
        assertThat(catchThrowableOfType(ResourceNotFoundException.class,
                () -> video.getDataEndpoint(b -> b.streamName(name + "-missing").apiName(APIName.GET_MEDIA)))).isNotNull();
    }

    private static String active(String prefix) {
        String name = Streams.uniqueName(prefix);
        video.createStream(b -> b.streamName(name));
        awaitStatus(video, name, Status.ACTIVE);
        return name;
    }

    private static StreamInfo describe(String name) {
        return video.describeStream(b -> b.streamName(name)).streamInfo();
    }

    private static void retention(String name, UpdateDataRetentionOperation operation, int hours) {
        video.updateDataRetention(b -> b.streamName(name).currentVersion(describe(name).version())
                .operation(operation).dataRetentionChangeInHours(hours));
        awaitStatus(video, name, Status.ACTIVE);
    }
}
