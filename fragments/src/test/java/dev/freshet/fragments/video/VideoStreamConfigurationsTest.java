package dev.freshet.fragments.video;

import static dev.freshet.fragments.video.VideoStreamLifecycleTest.assertType;
import static org.assertj.core.api.Assertions.assertThat;

import dev.freshet.fragments.store.TimestampKind;
import dev.freshet.fragments.video.VideoStreamLifecycle.RetentionChange;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VideoStreamConfigurationsTest {

    private static final VideoStreamRef CAM = VideoStreamRef.byName("cam");

    @TempDir
    Path dir;
    VideoFixture fixture;
    VideoStreamConfigurations configurations;

    @BeforeEach
    void open() {
        fixture = new VideoFixture(dir);
        configurations = fixture.video.configurations();
        fixture.active("cam", 0);
    }

    @Test
    void imageGenerationIsStoredReportedAndRemovedWithNull() {
        assertType(() -> configurations.updateImageGeneration(CAM, images(ConfigurationStatus.ENABLED, 500)),
            VideoErrorType.NO_DATA_RETENTION);
        configurations.updateImageGeneration(CAM, images(ConfigurationStatus.DISABLED, 500));
        increaseRetention();
        String version = fixture.describe("cam").version();

        configurations.updateImageGeneration(CAM, images(ConfigurationStatus.ENABLED, 500));

        assertThat(configurations.describeImageGeneration(CAM)).contains(images(ConfigurationStatus.ENABLED, 500));
        assertThat(fixture.describe("cam").version()).isNotEqualTo(version);
        configurations.updateImageGeneration(CAM, null);
        assertThat(configurations.describeImageGeneration(CAM)).isEmpty();
    }

    @Test
    void imageGenerationValuesAreChecked() {
        increaseRetention();

        assertType(() -> configurations.updateImageGeneration(CAM, images(ConfigurationStatus.ENABLED, 199)),
            VideoErrorType.INVALID_ARGUMENT);
        assertType(() -> configurations.updateImageGeneration(CAM, new ImageGenerationConfiguration(
            ConfigurationStatus.ENABLED, TimestampKind.SERVER, "s3://bucket/images", "us-east-1", 1000,
            ImageFormat.JPEG, Map.of("JPEGQuality", "101"), null, null)), VideoErrorType.INVALID_ARGUMENT);
        assertType(() -> configurations.updateImageGeneration(CAM, new ImageGenerationConfiguration(
            ConfigurationStatus.ENABLED, TimestampKind.SERVER, "no-scheme", "us-east-1", 1000,
            ImageFormat.PNG, null, 3841, null)), VideoErrorType.INVALID_ARGUMENT);
        assertType(() -> configurations.updateImageGeneration(VideoStreamRef.byName("nope"), null),
            VideoErrorType.RESOURCE_NOT_FOUND);
    }

    @Test
    void notificationsAreStoredAndReported() {
        NotificationConfiguration config = new NotificationConfiguration(ConfigurationStatus.ENABLED,
            "arn:aws:sns:us-east-1:123456789012:topic");
        assertType(() -> configurations.updateNotification(CAM, config), VideoErrorType.NO_DATA_RETENTION);
        increaseRetention();

        configurations.updateNotification(CAM, config);

        assertThat(configurations.describeNotification(CAM)).contains(config);
        configurations.updateNotification(CAM, null);
        assertThat(configurations.describeNotification(CAM)).isEmpty();
    }

    @Test
    void storageTierChangesAtTheCurrentVersionOnly() {
        assertThat(configurations.describeStorage(CAM).defaultStorageTier()).isEqualTo(StorageTier.HOT);

        assertType(() -> configurations.updateStorage(CAM, "stale", StorageTier.WARM), VideoErrorType.VERSION_MISMATCH);
        configurations.updateStorage(CAM, fixture.describe("cam").version(), StorageTier.WARM);

        StreamStorage storage = configurations.describeStorage(CAM);
        assertThat(storage.defaultStorageTier()).isEqualTo(StorageTier.WARM);
        assertThat(storage.streamArn()).isEqualTo(fixture.describe("cam").streamArn());
    }

    private void increaseRetention() {
        fixture.video.streams().updateDataRetention(CAM, fixture.describe("cam").version(),
            RetentionChange.INCREASE_DATA_RETENTION, 1);
        fixture.settle();
    }

    private static ImageGenerationConfiguration images(ConfigurationStatus status, int samplingMillis) {
        return new ImageGenerationConfiguration(status, TimestampKind.PRODUCER, "s3://bucket/images", "us-east-1",
            samplingMillis, ImageFormat.JPEG, Map.of("JPEGQuality", "80"), 640, 480);
    }
}
