package dev.freshet.fragments.video;

import static dev.freshet.fragments.video.VideoStreamLifecycleTest.assertType;
import static org.assertj.core.api.Assertions.assertThat;

import dev.freshet.fragments.store.TimestampKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VideoCatalogPersistenceTest {

    @TempDir
    Path dir;

    @Test
    void everythingSurvivesARestart() {
        VideoFixture fixture = new VideoFixture(dir);
        fixture.video.streams().create(new VideoStreamLifecycle.CreateRequest("cam", "door", "video/h264", null, 12,
            Map.of("site", "north"), StorageTier.WARM));
        fixture.settle();
        ImageGenerationConfiguration images = new ImageGenerationConfiguration(ConfigurationStatus.ENABLED,
            TimestampKind.SERVER, "s3://bucket/x", "us-east-1", 1000, ImageFormat.PNG, null, null, 720);
        fixture.video.configurations().updateImageGeneration(VideoStreamRef.byName("cam"), images);
        VideoStreamInfo before = fixture.describe("cam");
        ResolvedStream resolvedBefore = fixture.video.resolve(VideoStreamRef.byName("cam"));

        fixture.restart();

        assertThat(fixture.describe("cam")).isEqualTo(before);
        assertThat(fixture.video.resolve(VideoStreamRef.byName("cam"))).isEqualTo(resolvedBefore);
        assertThat(fixture.video.tags().listTagsForStream(VideoStreamRef.byName("cam"))).containsEntry("site", "north");
        assertThat(fixture.video.configurations().describeImageGeneration(VideoStreamRef.byName("cam"))).contains(images);
        assertThat(fixture.store.opened).containsExactly(resolvedBefore.id(), resolvedBefore.id());
        assertThat(dir.resolve("catalog.json")).exists();
    }

    @Test
    void timedPhasesContinueAcrossARestart() {
        VideoFixture fixture = new VideoFixture(dir);
        String arn = fixture.active("cam", 0);
        fixture.video.streams().delete(arn, null);

        fixture.restart();
        assertThat(fixture.describe("cam").status()).isEqualTo(StreamStatus.DELETING);
        fixture.settle();

        assertType(() -> fixture.describe("cam"), VideoErrorType.RESOURCE_NOT_FOUND);
        assertThat(fixture.store.deleted).hasSize(1);
    }

    @Test
    void fragmentsWhoseDeletionFailedAreDeletedAtTheNextStart() throws Exception {
        VideoFixture fixture = new VideoFixture(dir);
        String arn = fixture.active("cam", 0);
        String id = fixture.video.resolve(VideoStreamRef.byName("cam")).id();
        fixture.video.streams().delete(arn, null);
        fixture.settle();
        fixture.store.failingDeletions = 1;

        fixture.video.streams().create(VideoStreamLifecycle.CreateRequest.named("other"));

        assertThat(fixture.store.deleted).isEmpty();
        assertThat(Files.readString(dir.resolve("catalog.json"))).contains(id).doesNotContain("\"cam\"");
        fixture.restart();
        assertThat(fixture.store.deleted).containsExactly(id);
        fixture.video.streams().create(VideoStreamLifecycle.CreateRequest.named("third"));
        assertThat(Files.readString(dir.resolve("catalog.json"))).doesNotContain(id);
    }
}
