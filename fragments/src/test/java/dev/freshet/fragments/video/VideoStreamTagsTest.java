package dev.freshet.fragments.video;

import static dev.freshet.fragments.video.VideoStreamLifecycleTest.assertType;
import static dev.freshet.fragments.video.VideoStreamLifecycleTest.manyTags;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VideoStreamTagsTest {

    @TempDir
    Path dir;
    VideoFixture fixture;
    VideoStreamTags tags;
    String arn;

    @BeforeEach
    void open() {
        fixture = new VideoFixture(dir);
        tags = fixture.video.tags();
        arn = fixture.active("cam", 0);
    }

    @Test
    void streamAndResourceStylesSeeTheSameTags() {
        tags.tagStream(VideoStreamRef.byName("cam"), Map.of("site", "north", "team", "ops"));
        tags.tagResource(arn, Map.of("site", "south"));
        tags.untagResource(arn, List.of("team", "absent"));

        assertThat(tags.listTagsForStream(VideoStreamRef.byArn(arn))).containsExactly(Map.entry("site", "south"));
        assertThat(tags.listTagsForResource(arn)).containsExactly(Map.entry("site", "south"));
        tags.untagStream(VideoStreamRef.byName("cam"), List.of("site"));
        assertThat(tags.listTagsForResource(arn)).isEmpty();
    }

    @Test
    void tagsDoNotChangeTheVersion() {
        String version = fixture.describe("cam").version();

        tags.tagStream(VideoStreamRef.byName("cam"), Map.of("a", "b"));

        assertThat(fixture.describe("cam").version()).isEqualTo(version);
    }

    @Test
    void aResourceHoldsAtMostFiftyTags() {
        tags.tagStream(VideoStreamRef.byName("cam"), manyTags(50));
        tags.tagStream(VideoStreamRef.byName("cam"), Map.of("key7", "overwritten"));

        assertType(() -> tags.tagResource(arn, Map.of("one-more", "x")), VideoErrorType.TAGS_PER_RESOURCE_EXCEEDED_LIMIT);
        assertThat(tags.listTagsForResource(arn)).hasSize(50).containsEntry("key7", "overwritten");
    }

    @Test
    void refusesBadKeysValuesAndResources() {
        assertType(() -> tags.tagResource(arn, Map.of("aws:reserved", "x")), VideoErrorType.INVALID_ARGUMENT);
        assertType(() -> tags.tagResource(arn, Map.of("k", "no*stars")), VideoErrorType.INVALID_ARGUMENT);
        assertType(() -> tags.untagResource(arn, List.of("")), VideoErrorType.INVALID_ARGUMENT);
        assertType(() -> tags.listTagsForResource("arn:aws:kinesisvideo:eu-west-1:123456789012:channel/c/1"),
            VideoErrorType.RESOURCE_NOT_FOUND);
        assertType(() -> tags.listTagsForResource("arn:aws:s3:::bucket"), VideoErrorType.INVALID_ARGUMENT);
        assertType(() -> tags.listTagsForStream(VideoStreamRef.byName("nope")), VideoErrorType.RESOURCE_NOT_FOUND);
    }
}
