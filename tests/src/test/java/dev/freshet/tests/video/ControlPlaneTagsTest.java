package dev.freshet.tests.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.freshet.tests.harness.Clients;
import dev.freshet.tests.harness.FreshetServer;
import dev.freshet.tests.harness.Streams;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.kinesisvideo.KinesisVideoClient;
import software.amazon.awssdk.services.kinesisvideo.model.ResourceNotFoundException;
import software.amazon.awssdk.services.kinesisvideo.model.Tag;
import software.amazon.awssdk.services.kinesisvideo.model.TagsPerResourceExceededLimitException;

/** TagStream/UntagStream/ListTagsForStream and TagResource/UntagResource/ListTagsForResource with the SDK. */
class ControlPlaneTagsTest {
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
    void streamTagsAreAMapByNameOrArn() {
        String name = Streams.uniqueName("kvs-tags");
        String arn = video.createStream(b -> b.streamName(name).tags(Map.of("site", "north"))).streamARN();

        video.tagStream(b -> b.streamName(name).tags(Map.of("team", "video", "env", "test")));
        video.untagStream(b -> b.streamARN(arn).tagKeyList("env"));

        assertThat(video.listTagsForStream(b -> b.streamARN(arn)).tags())
                .containsExactlyInAnyOrderEntriesOf(Map.of("site", "north", "team", "video"));
        assertThat(video.listTagsForStream(b -> b.streamName(name)).nextToken()).isNull();
    }

    @Test
    void resourceTagsGoInAsKeyValuePairsOnTheStreamArn() {
        String name = Streams.uniqueName("kvs-resource-tags");
        String arn = video.createStream(b -> b.streamName(name)).streamARN();

        video.tagResource(b -> b.resourceARN(arn).tags(Tag.builder().key("owner").value("ana").build(),
                Tag.builder().key("tier").value("gold").build()));
        video.untagResource(b -> b.resourceARN(arn).tagKeyList("tier"));

        assertThat(video.listTagsForResource(b -> b.resourceARN(arn)).tags()).containsExactly(Map.entry("owner", "ana"));
        assertThat(video.listTagsForStream(b -> b.streamName(name)).tags()).containsExactly(Map.entry("owner", "ana"));
    }

    @Test
    void aStreamHoldsAtMostFiftyTags() {
        String name = Streams.uniqueName("kvs-many-tags");
        Map<String, String> fifty = new HashMap<>();
        for (int i = 0; i < 50; i++) {
            fifty.put("k" + i, "v" + i);
        }
        video.createStream(b -> b.streamName(name).tags(fifty));

        TagsPerResourceExceededLimitException tooMany = catchThrowableOfType(TagsPerResourceExceededLimitException.class,
                () -> video.tagStream(b -> b.streamName(name).tags(Map.of("one-more", "x"))));

        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(video.listTagsForStream(b -> b.streamName(name)).tags()).hasSize(50);
    }

    @Test
    void unknownResourcesAreResourceNotFound() {
        String channel = "arn:aws:kinesisvideo:us-east-1:" + Clients.ACCOUNT_ID + ":channel/none/1700000000000";
        String stream = "arn:aws:kinesisvideo:us-east-1:" + Clients.ACCOUNT_ID + ":stream/none/1700000000000";

        assertThat(catchThrowableOfType(ResourceNotFoundException.class,
                () -> video.listTagsForResource(b -> b.resourceARN(channel))).statusCode()).isEqualTo(404);
        assertThat(catchThrowableOfType(ResourceNotFoundException.class,
                () -> video.tagResource(b -> b.resourceARN(stream).tags(Tag.builder().key("a").value("b").build()))))
                .isNotNull();
    }
}
