package dev.freshet.tests.kinesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.freshet.tests.harness.Errors;
import dev.freshet.tests.harness.FreshetServer;
import dev.freshet.tests.harness.Streams;
import dev.freshet.tests.harness.Wire;
import dev.freshet.tests.harness.WireTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ConsumerStatus;
import software.amazon.awssdk.services.kinesis.model.InvalidArgumentException;
import software.amazon.awssdk.services.kinesis.model.ListTagsForStreamResponse;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;
import software.amazon.awssdk.services.kinesis.model.Tag;
import software.amazon.awssdk.services.kinesis.model.ValidationException;

/** Stream tags (AddTagsToStream family) and resource tags (TagResource family) on streams and consumers. */
class TagsTest {
    @RegisterExtension
    static final FreshetServer server = new FreshetServer();

    @WireTest
    void tagsAreAddedOverwrittenListedAndRemoved(Wire wire) {
        KinesisClient kinesis = server.client(wire);
        String name = Streams.create(kinesis, "tags", 1);

        kinesis.addTagsToStream(b -> b.streamName(name).tags(Map.of("team", "data", "env", "test", "cost", "")));
        kinesis.addTagsToStream(b -> b.streamName(name).tags(Map.of("env", "prod")));
        assertThat(tags(kinesis, name)).containsExactlyInAnyOrderEntriesOf(
                Map.of("team", "data", "env", "prod", "cost", ""));

        kinesis.removeTagsFromStream(b -> b.streamName(name).tagKeys("cost", "absent"));
        assertThat(tags(kinesis, name)).containsExactlyInAnyOrderEntriesOf(Map.of("team", "data", "env", "prod"));
    }

    @WireTest
    void listTagsForStreamPagesByKey(Wire wire) {
        KinesisClient kinesis = server.client(wire);
        String name = Streams.create(kinesis, "tag-pages", 1);
        Map<String, String> five = IntStream.range(0, 5).boxed()
                .collect(Collectors.toMap(i -> "key" + i, i -> "value" + i));
        kinesis.addTagsToStream(b -> b.streamName(name).tags(five));

        List<String> keys = new ArrayList<>();
        ListTagsForStreamResponse page = kinesis.listTagsForStream(b -> b.streamName(name).limit(2));
        assertThat(page.tags()).hasSize(2);
        assertThat(page.hasMoreTags()).isTrue();
        keys.addAll(page.tags().stream().map(Tag::key).toList());
        while (page.hasMoreTags()) {
            String last = keys.get(keys.size() - 1);
            page = kinesis.listTagsForStream(b -> b.streamName(name).limit(2).exclusiveStartTagKey(last));
            keys.addAll(page.tags().stream().map(Tag::key).toList());
        }
        assertThat(keys).containsExactly("key0", "key1", "key2", "key3", "key4");
    }

    @WireTest
    void createStreamWithTagsAndTagResourceShareTheStreamsTags(Wire wire) {
        KinesisClient kinesis = server.client(wire);
        String name = Streams.uniqueName("tag-create");
        kinesis.createStream(b -> b.streamName(name).shardCount(1).tags(Map.of("owner", "alice")));
        Streams.awaitActive(kinesis, name);
        String arn = Streams.arn(name);

        kinesis.tagResource(b -> b.resourceARN(arn).tags(Map.of("tier", "gold")));
        assertThat(resourceTags(kinesis, arn)).containsExactlyInAnyOrderEntriesOf(Map.of("owner", "alice", "tier", "gold"));
        assertThat(tags(kinesis, name)).containsExactlyInAnyOrderEntriesOf(Map.of("owner", "alice", "tier", "gold"));

        kinesis.untagResource(b -> b.resourceARN(arn).tagKeys("owner"));
        assertThat(resourceTags(kinesis, arn)).containsExactlyInAnyOrderEntriesOf(Map.of("tier", "gold"));
    }

    @Test
    void consumersHaveTheirOwnTags() {
        KinesisClient kinesis = server.client();
        String name = Streams.create(kinesis, "tag-consumer", 1);
        String consumerArn = kinesis.registerStreamConsumer(b -> b.streamARN(Streams.arn(name)).consumerName("reader")
                .tags(Map.of("app", "billing"))).consumer().consumerARN();
        await().atMost(Duration.ofSeconds(10)).until(() -> kinesis.describeStreamConsumer(b -> b.consumerARN(consumerArn))
                .consumerDescription().consumerStatus() == ConsumerStatus.ACTIVE);

        kinesis.tagResource(b -> b.resourceARN(consumerArn).tags(Map.of("stage", "beta")));
        assertThat(resourceTags(kinesis, consumerArn))
                .containsExactlyInAnyOrderEntriesOf(Map.of("app", "billing", "stage", "beta"));
        kinesis.untagResource(b -> b.resourceARN(consumerArn).tagKeys("app"));
        assertThat(resourceTags(kinesis, consumerArn)).containsExactlyInAnyOrderEntriesOf(Map.of("stage", "beta"));
        assertThat(tags(kinesis, name)).isEmpty();
    }

    @Test
    void aStreamHoldsAtMostFiftyTags() {
        KinesisClient kinesis = server.client();
        String name = Streams.create(kinesis, "tag-limit", 1);
        Map<String, String> fifty = IntStream.range(0, 50).boxed()
                .collect(Collectors.toMap(i -> "k" + i, i -> "v"));
        kinesis.addTagsToStream(b -> b.streamName(name).tags(fifty));

        assertThat(Errors.serviceError(() -> kinesis.addTagsToStream(b -> b.streamName(name).tags(Map.of("one-more", "v")))))
                .isInstanceOf(InvalidArgumentException.class);
        assertThat(tags(kinesis, name)).hasSize(50);
    }

    @Test
    void tagKeysLongerThan128CharactersAreInvalid() {
        KinesisClient kinesis = server.client();
        String name = Streams.create(kinesis, "tag-key", 1);
        String longKey = "k".repeat(129);

        assertThat(Errors.serviceError(() -> kinesis.addTagsToStream(b -> b.streamName(name).tags(Map.of(longKey, "v")))))
                .isInstanceOf(ValidationException.class);
        kinesis.addTagsToStream(b -> b.streamName(name).tags(Map.of("k".repeat(128), "v".repeat(256))));
        assertThat(tags(kinesis, name)).containsOnlyKeys("k".repeat(128));
    }

    @Test
    void taggingAnUnknownResourceIsNotFound() {
        KinesisClient kinesis = server.client();
        String missing = Streams.arn(Streams.uniqueName("missing"));

        assertThat(Errors.serviceError(() -> kinesis.listTagsForResource(b -> b.resourceARN(missing))))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThat(Errors.serviceError(() -> kinesis.tagResource(b -> b.resourceARN(missing).tags(Map.of("a", "b")))))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    private static Map<String, String> tags(KinesisClient kinesis, String name) {
        return toMap(kinesis.listTagsForStream(b -> b.streamName(name)).tags());
    }

    private static Map<String, String> resourceTags(KinesisClient kinesis, String arn) {
        return toMap(kinesis.listTagsForResource(b -> b.resourceARN(arn)).tags());
    }

    private static Map<String, String> toMap(List<Tag> tags) {
        Map<String, String> map = new LinkedHashMap<>();
        tags.forEach(t -> map.put(t.key(), t.value() == null ? "" : t.value()));
        return map;
    }
}
