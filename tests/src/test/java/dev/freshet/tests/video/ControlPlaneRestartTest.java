package dev.freshet.tests.video;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freshet.tests.harness.FreshetProcess;
import dev.freshet.tests.harness.FreshetServer;
import dev.freshet.tests.harness.Streams;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.kinesisvideo.KinesisVideoClient;
import software.amazon.awssdk.services.kinesisvideo.model.StreamInfo;

/** Video-stream metadata lives in the data directory: a stopped or killed server comes back with it. */
class ControlPlaneRestartTest {
    @RegisterExtension
    static final FreshetServer server = new FreshetServer();

    @Test
    void streamsSurviveAStopAndAKill() {
        FreshetProcess process = server.process();
        String name = Streams.uniqueName("kvs-restart");
        StreamInfo before;
        try (KinesisVideoClient video = VideoClients.control(server.endpoint())) {
            video.createStream(b -> b.streamName(name).dataRetentionInHours(6).tags(Map.of("keep", "me")));
            before = video.describeStream(b -> b.streamName(name)).streamInfo();
        }

        process.stop();
        process.restart();
        process.kill9();
        process.restart();

        try (KinesisVideoClient video = VideoClients.control(server.endpoint())) {
            assertThat(video.describeStream(b -> b.streamName(name)).streamInfo()).isEqualTo(before);
            assertThat(video.listTagsForStream(b -> b.streamName(name)).tags()).containsEntry("keep", "me");
        }
        assertThat(process.dataDir().resolve("kinesisvideo/catalog.json")).exists();
    }
}
