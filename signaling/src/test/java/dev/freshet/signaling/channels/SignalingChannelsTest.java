package dev.freshet.signaling.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.freshet.datastreams.log.Durability;
import dev.freshet.datastreams.log.internal.FileLogEngine;
import dev.freshet.fragments.store.FragmentStores;
import dev.freshet.fragments.video.VideoErrorType;
import dev.freshet.fragments.video.VideoException;
import dev.freshet.fragments.video.VideoSettings;
import dev.freshet.fragments.video.VideoStreamLifecycle;
import dev.freshet.fragments.video.VideoStreams;
import dev.freshet.signaling.channels.ChannelLifecycle.CreateRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

class SignalingChannelsTest {

    @TempDir
    Path dir;
    private FileLogEngine engine;
    private VideoStreams video;
    private SignalingChannels channels;

    @BeforeEach
    void open() {
        engine = new FileLogEngine(dir.resolve("logs"), InstantSource.system(), Duration.ofHours(1));
        video = new VideoStreams(new VideoSettings("eu-west-1", "123456789012", Duration.ZERO, InstantSource.system()),
            FragmentStores.inLogs(engine, Durability.OS, 1 << 20), dir.resolve("kinesisvideo"));
        channels = new SignalingChannels(video, dir.resolve("kinesisvideo"));
    }

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void createdChannelsAreDescribedListedAndSurviveARestart() {
        String arn = channels.lifecycle().create(new CreateRequest("door", null, 30, Map.of("site", "home")));
        channels.lifecycle().create(CreateRequest.named("garden"));

        assertThat(arn).matches("arn:aws:kinesisvideo:eu-west-1:123456789012:channel/door/\\d+");
        ChannelInfo door = channels.lifecycle().describe(ChannelRef.byName("door"));
        assertThat(door.arn()).isEqualTo(arn);
        assertThat(door.type()).isEqualTo(ChannelType.SINGLE_MASTER);
        assertThat(door.status()).isEqualTo(ChannelStatus.ACTIVE);
        assertThat(door.messageTtlSeconds()).isEqualTo(30);
        assertThat(channels.lifecycle().describe(ChannelRef.byName("garden")).messageTtlSeconds()).isEqualTo(60);

        SignalingChannels restarted = new SignalingChannels(video, dir.resolve("kinesisvideo"));
        assertThat(restarted.lifecycle().describe(ChannelRef.byArn(arn))).isEqualTo(door);
        assertThat(restarted.tags().list(arn)).containsExactly(Map.entry("site", "home"));
        assertThat(restarted.count()).isEqualTo(2);
    }

    @Test
    void listsPageByNameWithAPrefix() {
        for (String name : List.of("cam-a", "cam-b", "cam-c", "door")) {
            channels.lifecycle().create(CreateRequest.named(name));
        }
        ChannelPage first = channels.lifecycle().list(2, null, "cam-");
        assertThat(first.channels()).extracting(ChannelInfo::name).containsExactly("cam-a", "cam-b");
        ChannelPage second = channels.lifecycle().list(2, first.nextToken(), "cam-");
        assertThat(second.channels()).extracting(ChannelInfo::name).containsExactly("cam-c");
        assertThat(second.nextToken()).isNull();
    }

    @Test
    void refusesWhatTheServiceRefuses() {
        String arn = channels.lifecycle().create(CreateRequest.named("door"));

        assertType(() -> channels.lifecycle().create(CreateRequest.named("door")), VideoErrorType.RESOURCE_IN_USE);
        assertType(() -> channels.lifecycle().create(new CreateRequest("mesh", ChannelType.FULL_MESH, null, null)),
            VideoErrorType.INVALID_ARGUMENT);
        assertType(() -> channels.lifecycle().create(new CreateRequest("ttl", null, 4, null)),
            VideoErrorType.INVALID_ARGUMENT);
        assertType(() -> channels.lifecycle().create(CreateRequest.named("bad name")), VideoErrorType.INVALID_ARGUMENT);
        assertType(() -> channels.lifecycle().describe(ChannelRef.byName("nope")), VideoErrorType.RESOURCE_NOT_FOUND);
        assertType(() -> channels.lifecycle().describe(ChannelRef.byArn(arn.replaceAll("/\\d+$", "/1"))),
            VideoErrorType.RESOURCE_NOT_FOUND);
        assertType(() -> channels.lifecycle().update(arn, "stale", 10), VideoErrorType.VERSION_MISMATCH);
        assertType(() -> channels.lifecycle().delete(arn, "stale"), VideoErrorType.VERSION_MISMATCH);
    }

    @Test
    void updateChangesTheVersionAndDeleteEndsTheChannelsConnections() {
        String arn = channels.lifecycle().create(CreateRequest.named("door"));
        String version = channels.lifecycle().describe(ChannelRef.byArn(arn)).version();
        channels.lifecycle().update(arn, version, 90);
        ChannelInfo updated = channels.lifecycle().describe(ChannelRef.byArn(arn));
        assertThat(updated.messageTtlSeconds()).isEqualTo(90);
        assertThat(updated.version()).isNotEqualTo(version);

        List<String> events = new ArrayList<>();
        channels.relay().connectMaster(arn, new RecordingPeer("master", events));
        channels.relay().connectViewer(arn, "v1", new RecordingPeer("v1", events));
        channels.lifecycle().delete(arn, updated.version());

        assertThat(events).containsExactlyInAnyOrder("master GO_AWAY", "v1 GO_AWAY");
        assertThat(channels.relay().masterConnected(arn)).isFalse();
        assertType(() -> channels.lifecycle().describe(ChannelRef.byArn(arn)), VideoErrorType.RESOURCE_NOT_FOUND);
    }

    @Test
    void mediaStorageNeedsAnExistingStreamNotUsedByAnotherChannel() {
        String stream = video.streams().create(VideoStreamLifecycle.CreateRequest.named("cam"));
        String door = channels.lifecycle().create(CreateRequest.named("door"));
        String gate = channels.lifecycle().create(CreateRequest.named("gate"));

        assertThat(channels.mediaStorage().describe(ChannelRef.byArn(door))).isEqualTo(MediaStorage.DISABLED);
        channels.mediaStorage().update(door, new MediaStorage(stream, true));
        assertThat(channels.mediaStorage().describe(ChannelRef.byName("door"))).isEqualTo(new MediaStorage(stream, true));

        assertType(() -> channels.mediaStorage().update(gate, new MediaStorage(stream, true)),
            VideoErrorType.RESOURCE_IN_USE);
        assertType(() -> channels.mediaStorage().update(gate,
            new MediaStorage(stream.replace("stream/cam", "stream/nope"), true)), VideoErrorType.RESOURCE_NOT_FOUND);
        assertType(() -> channels.mediaStorage().update(gate, new MediaStorage(null, true)),
            VideoErrorType.INVALID_ARGUMENT);
    }

    @Test
    void tagsFollowTheStreamRules() {
        String arn = channels.lifecycle().create(CreateRequest.named("door"));
        channels.tags().tag(arn, Map.of("a", "1", "b", "2"));
        channels.tags().untag(arn, List.of("a", "zzz"));
        assertThat(channels.tags().list(arn)).containsExactly(Map.entry("b", "2"));
        assertType(() -> channels.tags().tag(arn, Map.of("aws:x", "1")), VideoErrorType.INVALID_ARGUMENT);
    }

    private static void assertType(Runnable call, VideoErrorType type) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(VideoException.class,
            e -> assertThat(e.type()).isEqualTo(type));
    }
}
