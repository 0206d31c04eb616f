package dev.freshet.fragments.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.freshet.fragments.video.VideoStreamLifecycle.CreateRequest;
import dev.freshet.fragments.video.VideoStreamLifecycle.RetentionChange;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VideoStreamLifecycleTest {

    @TempDir
    Path dir;
    VideoFixture fixture;
    VideoStreamLifecycle streams;

    @BeforeEach
    void open() {
        fixture = new VideoFixture(dir);
        streams = fixture.video.streams();
    }

    @Test
    void createdStreamIsCreatingThenActiveWithEverythingItWasGiven() {
        long created = fixture.clock.millis();
        String arn = streams.create(new CreateRequest("cam-1", "door", "video/h264", "my-key", 48,
            Map.of("site", "north"), StorageTier.WARM));

        assertThat(arn).isEqualTo("arn:aws:kinesisvideo:eu-west-1:123456789012:stream/cam-1/" + created);
        VideoStreamInfo creating = fixture.describe("cam-1");
        assertThat(creating.status()).isEqualTo(StreamStatus.CREATING);
        fixture.settle();
        VideoStreamInfo active = streams.describe(VideoStreamRef.byArn(arn));
        assertThat(active).isEqualTo(new VideoStreamInfo("door", "cam-1", arn, "video/h264", "my-key",
            creating.version(), StreamStatus.ACTIVE, creating.creationTime(), 48));
        assertThat(active.version()).matches("[a-zA-Z0-9]{20}");
        assertThat(fixture.video.configurations().describeStorage(VideoStreamRef.byName("cam-1")).defaultStorageTier())
            .isEqualTo(StorageTier.WARM);
    }

    @Test
    void defaultsAreLiveOnlyAndTheServiceManagedKey() {
        fixture.active("plain", 0);

        VideoStreamInfo info = fixture.describe("plain");
        assertThat(info.dataRetentionInHours()).isZero();
        assertThat(info.kmsKeyId()).isEqualTo("arn:aws:kms:eu-west-1:123456789012:alias/aws/kinesisvideo");
        assertThat(info.deviceName()).isNull();
        assertThat(info.mediaType()).isNull();
    }

    @Test
    void createOpensTheStreamsFragmentsUnderAnInternalIdWithItsRetention() {
        fixture.active("cam", 24);

        ResolvedStream resolved = fixture.video.resolve(VideoStreamRef.byName("cam"));
        assertThat(resolved.id()).startsWith("kvs-").isNotEqualTo("cam");
        assertThat(fixture.store.opened).containsExactly(resolved.id());
        assertThat(fixture.store.retention).containsEntry(resolved.id(), Duration.ofHours(24));
        assertThat(resolved.acceptsMedia()).isTrue();
    }

    @Test
    void refusesAnExistingNameAndInvalidValues() {
        fixture.active("taken", 0);

        assertType(() -> streams.create(CreateRequest.named("taken")), VideoErrorType.RESOURCE_IN_USE);
        assertType(() -> streams.create(CreateRequest.named("no spaces")), VideoErrorType.INVALID_ARGUMENT);
        assertType(() -> streams.create(CreateRequest.named("x".repeat(257))), VideoErrorType.INVALID_ARGUMENT);
        assertType(() -> streams.create(new CreateRequest("m", null, "h264", null, null, null, null)),
            VideoErrorType.INVALID_ARGUMENT);
        assertType(() -> streams.create(new CreateRequest("r", null, null, null, 87_601, null, null)),
            VideoErrorType.INVALID_ARGUMENT);
        assertType(() -> streams.create(new CreateRequest("t", null, null, null, null, manyTags(51), null)),
            VideoErrorType.TAGS_PER_RESOURCE_EXCEEDED_LIMIT);
        assertThat(streams.list(null, null, null).streams()).extracting(VideoStreamInfo::streamName)
            .containsExactly("taken");
    }

    @Test
    void everyChangeGivesANewVersionAndStaleVersionsAreRefused() {
        fixture.active("cam", 0);
        String v1 = fixture.describe("cam").version();

        streams.update(VideoStreamRef.byName("cam"), v1, "porch", "video/h265");

        VideoStreamInfo updating = fixture.describe("cam");
        assertThat(updating.status()).isEqualTo(StreamStatus.UPDATING);
        assertThat(updating.version()).isNotEqualTo(v1);
        assertThat(updating.deviceName()).isEqualTo("porch");
        assertType(() -> streams.update(VideoStreamRef.byName("cam"), updating.version(), "x", null),
            VideoErrorType.RESOURCE_IN_USE);
        fixture.settle();
        assertType(() -> streams.update(VideoStreamRef.byName("cam"), v1, "x", null), VideoErrorType.VERSION_MISMATCH);
        streams.update(VideoStreamRef.byName("cam"), updating.version(), null, null);
        assertThat(fixture.describe("cam").mediaType()).isEqualTo("video/h265");
    }

    @Test
    void aFailedChangeLeavesTheVersionAsItWas() {
        fixture.active("cam", 1);
        String version = fixture.describe("cam").version();

        assertType(() -> streams.updateDataRetention(VideoStreamRef.byName("cam"), version,
            RetentionChange.DECREASE_DATA_RETENTION, 2), VideoErrorType.INVALID_ARGUMENT);

        assertThat(fixture.describe("cam").version()).isEqualTo(version);
    }

    @Test
    void retentionMovesWithinZeroToTenYearsAndReachesTheStore() {
        fixture.active("cam", 10);
        String id = fixture.video.resolve(VideoStreamRef.byName("cam")).id();

        retention("cam", RetentionChange.INCREASE_DATA_RETENTION, 87_590);
        assertThat(fixture.describe("cam").dataRetentionInHours()).isEqualTo(87_600);
        assertThat(fixture.store.retention).containsEntry(id, Duration.ofHours(87_600));
        assertType(() -> retention("cam", RetentionChange.INCREASE_DATA_RETENTION, 1), VideoErrorType.INVALID_ARGUMENT);

        retention("cam", RetentionChange.DECREASE_DATA_RETENTION, 87_600);
        assertThat(fixture.describe("cam").dataRetentionInHours()).isZero();
        assertThat(fixture.store.retention).containsEntry(id, Duration.ZERO);
        assertType(() -> retention("cam", RetentionChange.DECREASE_DATA_RETENTION, 1), VideoErrorType.INVALID_ARGUMENT);
        assertType(() -> retention("cam", RetentionChange.INCREASE_DATA_RETENTION, Integer.MAX_VALUE),
            VideoErrorType.INVALID_ARGUMENT);
    }

    @Test
    void listsPagesInNameOrderFilteredByPrefix() {
        for (String name : List.of("door-2", "yard", "door-1", "door-3", "attic")) {
            streams.create(CreateRequest.named(name));
        }

        StreamPage first = streams.list(2, null, null);
        StreamPage second = streams.list(2, first.nextToken(), null);
        StreamPage third = streams.list(2, second.nextToken(), null);

        assertThat(names(first)).containsExactly("attic", "door-1");
        assertThat(names(second)).containsExactly("door-2", "door-3");
        assertThat(names(third)).containsExactly("yard");
        assertThat(third.nextToken()).isNull();
        StreamPage doors = streams.list(2, null, "door-");
        assertThat(names(doors)).containsExactly("door-1", "door-2");
        assertThat(names(streams.list(2, doors.nextToken(), "door-"))).containsExactly("door-3");
        assertThat(streams.list(null, null, "door-").nextToken()).isNull();
        assertType(() -> streams.list(2, "bm90IG91cnM=", null), VideoErrorType.INVALID_ARGUMENT);
        assertType(() -> streams.list(0, null, null), VideoErrorType.INVALID_ARGUMENT);
    }

    @Test
    void deletedStreamIsDeletingThenGoneWithItsFragments() {
        String arn = fixture.active("cam", 24);
        String id = fixture.video.resolve(VideoStreamRef.byName("cam")).id();

        assertType(() -> streams.delete(arn, "stale"), VideoErrorType.VERSION_MISMATCH);
        streams.delete(arn, fixture.describe("cam").version());

        assertThat(fixture.describe("cam").status()).isEqualTo(StreamStatus.DELETING);
        assertThat(fixture.video.resolve(VideoStreamRef.byArn(arn)).acceptsMedia()).isFalse();
        assertThat(fixture.store.deleted).isEmpty();
        fixture.settle();
        VideoException gone = catchThrowableOfType(VideoException.class, () -> fixture.describe("cam"));
        assertThat(gone.type()).isEqualTo(VideoErrorType.RESOURCE_NOT_FOUND);
        assertThat(gone.getMessage()).isEqualTo("The requested stream is not found or not active.");
        assertThat(fixture.store.deleted).containsExactly(id);
    }

    @Test
    void aStreamCreatedAgainUnderTheSameNameIsANewStream() {
        String oldArn = fixture.active("cam", 0);
        String oldId = fixture.video.resolve(VideoStreamRef.byName("cam")).id();
        streams.delete(oldArn, null);
        fixture.settle();
        fixture.clock.advance(Duration.ofMillis(5));

        String newArn = fixture.active("cam", 0);

        assertThat(newArn).isNotEqualTo(oldArn);
        assertThat(fixture.video.resolve(VideoStreamRef.byName("cam")).id()).isNotEqualTo(oldId);
        assertType(() -> fixture.video.resolve(VideoStreamRef.byArn(oldArn)), VideoErrorType.RESOURCE_NOT_FOUND);
    }

    @Test
    void streamsAreNamedByNameOrArnButTheseMustAgree() {
        String arn = fixture.active("cam", 0);

        assertThat(fixture.video.resolve(new VideoStreamRef("cam", arn)).arn()).isEqualTo(arn);
        assertType(() -> fixture.video.resolve(new VideoStreamRef("other", arn)), VideoErrorType.INVALID_ARGUMENT);
        assertType(() -> fixture.video.resolve(new VideoStreamRef(null, null)), VideoErrorType.INVALID_ARGUMENT);
        assertType(() -> fixture.video.resolve(VideoStreamRef.byArn("arn:aws:kinesis:eu-west-1:1:stream/cam")),
            VideoErrorType.INVALID_ARGUMENT);
        assertType(() -> fixture.video.resolve(VideoStreamRef.byArn(arn.replace("123456789012", "999999999999"))),
            VideoErrorType.RESOURCE_NOT_FOUND);
        assertType(() -> fixture.video.resolve(VideoStreamRef.byArn(arn.replace(":stream/", ":channel/"))),
            VideoErrorType.RESOURCE_NOT_FOUND);
    }

    @Test
    void changesNeedAnActiveStream() {
        String arn = streams.create(CreateRequest.named("new"));

        assertType(() -> streams.delete(arn, null), VideoErrorType.RESOURCE_IN_USE);
        assertType(() -> retention("new", RetentionChange.INCREASE_DATA_RETENTION, 1), VideoErrorType.RESOURCE_IN_USE);
    }

    private void retention(String name, RetentionChange change, int hours) {
        streams.updateDataRetention(VideoStreamRef.byName(name), fixture.describe(name).version(), change, hours);
        fixture.settle();
    }

    private static List<String> names(StreamPage page) {
        return page.streams().stream().map(VideoStreamInfo::streamName).toList();
    }

    static Map<String, String> manyTags(int count) {
        Map<String, String> tags = new HashMap<>();
        for (int i = 0; i < count; i++) {
            tags.put("key" + i, "value" + i);
        }
        return tags;
    }

    static void assertType(ThrowingCallable call, VideoErrorType type) {
        assertThatThrownBy(call).isInstanceOfSatisfying(VideoException.class, e -> assertThat(e.type()).isEqualTo(type));
    }
}
