package dev.freshet.tests.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.freshet.tests.harness.FreshetServer;
import dev.freshet.tests.harness.Streams;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.kinesisvideo.KinesisVideoClient;
import software.amazon.awssdk.services.kinesisvideo.model.ConfigurationStatus;
import software.amazon.awssdk.services.kinesisvideo.model.DefaultStorageTier;
import software.amazon.awssdk.services.kinesisvideo.model.Format;
import software.amazon.awssdk.services.kinesisvideo.model.FormatConfigKey;
import software.amazon.awssdk.services.kinesisvideo.model.ImageGenerationConfiguration;
import software.amazon.awssdk.services.kinesisvideo.model.ImageSelectorType;
import software.amazon.awssdk.services.kinesisvideo.model.InvalidArgumentException;
import software.amazon.awssdk.services.kinesisvideo.model.NoDataRetentionException;
import software.amazon.awssdk.services.kinesisvideo.model.NotificationConfiguration;
import software.amazon.awssdk.services.kinesisvideo.model.VersionMismatchException;

/**
 * The stored configurations (image generation, notifications, storage tier) with the SDK, and the
 * operations Freshet refuses (edge agent).
 */
class ControlPlaneConfigurationTest {
    @RegisterExtension
    static final FreshetServer server = new FreshetServer();

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
    void imageGenerationNeedsRetentionAndIsReportedAsSet() {
        String live = create(0);
        String kept = create(24);
        ImageGenerationConfiguration images = ImageGenerationConfiguration.builder()
                .status(ConfigurationStatus.ENABLED).imageSelectorType(ImageSelectorType.SERVER_TIMESTAMP)
                .destinationConfig(d -> d.uri("s3://bucket/images").destinationRegion("us-east-1"))
                .samplingInterval(1000).format(Format.JPEG).formatConfig(Map.of(FormatConfigKey.JPEG_QUALITY, "80"))
                .widthPixels(640).heightPixels(480).build();

        assertThat(catchThrowableOfType(NoDataRetentionException.class, () -> video.updateImageGenerationConfiguration(
                b -> b.streamName(live).imageGenerationConfiguration(images)))).isNotNull();
        video.updateImageGenerationConfiguration(b -> b.streamName(kept).imageGenerationConfiguration(images));

        assertThat(video.describeImageGenerationConfiguration(b -> b.streamName(kept)).imageGenerationConfiguration())
                .isEqualTo(images);
        video.updateImageGenerationConfiguration(b -> b.streamName(kept));
        assertThat(video.describeImageGenerationConfiguration(b -> b.streamName(kept)).imageGenerationConfiguration())
                .isNull();
        assertThat(catchThrowableOfType(InvalidArgumentException.class, () -> video.updateImageGenerationConfiguration(
                b -> b.streamName(kept).imageGenerationConfiguration(images.toBuilder().samplingInterval(100).build()))))
                .isNotNull();
    }

    @Test
    void notificationsAreReportedAsSet() {
        String name = create(1);
        NotificationConfiguration notifications = NotificationConfiguration.builder()
                .status(ConfigurationStatus.ENABLED).destinationConfig(d -> d.uri("arn:aws:sns:us-east-1:1:topic")).build();

        video.updateNotificationConfiguration(b -> b.streamName(name).notificationConfiguration(notifications));

        assertThat(video.describeNotificationConfiguration(b -> b.streamName(name)).notificationConfiguration())
                .isEqualTo(notifications);
    }

    @Test
    void storageTierChangesAtTheCurrentVersion() {
        String name = create(0);
        String version = video.describeStream(b -> b.streamName(name)).streamInfo().version();

        assertThat(catchThrowableOfType(VersionMismatchException.class, () -> video.updateStreamStorageConfiguration(
                b -> b.streamName(name).currentVersion("stale")
                        .streamStorageConfiguration(s -> s.defaultStorageTier(DefaultStorageTier.WARM))))).isNotNull();
        video.updateStreamStorageConfiguration(b -> b.streamName(name).currentVersion(version)
                .streamStorageConfiguration(s -> s.defaultStorageTier(DefaultStorageTier.WARM)));

        var storage = video.describeStreamStorageConfiguration(b -> b.streamName(name));
        assertThat(storage.streamName()).isEqualTo(name);
        assertThat(storage.streamStorageConfiguration().defaultStorageTier()).isEqualTo(DefaultStorageTier.WARM);
        assertThat(video.describeStream(b -> b.streamName(name)).streamInfo().version()).isNotEqualTo(version);
    }

    @Test
    void edgeAgentOperationsAreUnsupported() {
        String name = create(1);

        InvalidArgumentException refused = catchThrowableOfType(InvalidArgumentException.class,
                () -> video.describeEdgeConfiguration(b -> b.streamName(name)));

        assertThat(refused.awsErrorDetails().errorMessage()).contains("does not support DescribeEdgeConfiguration");
        assertThat(catchThrowableOfType(InvalidArgumentException.class,
                () -> video.describeMappedResourceConfiguration(b -> b.streamName(name)))).isNotNull();
    }

    private static String create(int retentionHours) {
        String name = Streams.uniqueName("kvs-config");
        video.createStream(b -> b.streamName(name).dataRetentionInHours(retentionHours));
        return name;
    }
}
