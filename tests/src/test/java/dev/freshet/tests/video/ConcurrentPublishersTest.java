package dev.freshet.tests.video;

import dev.freshet.tests.video.support.FfmpegPublisher;
import dev.freshet.tests.video.support.FragmentAssertions;
import dev.freshet.tests.video.support.MediaSamples;
import dev.freshet.tests.video.support.MediaSamples.Media;
import dev.freshet.tests.video.support.MediaSamples.Sample;
import dev.freshet.tests.video.support.VideoServer;
import dev.freshet.tests.video.support.VideoServer.VideoStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Eight ffmpeg publishers at once, each to its own stream (at twice real time): every stream ends up with
 * one fragment per cluster and the right producer timestamps; nobody's fragments land on another stream.
 */
class ConcurrentPublishersTest {
    private static final int PUBLISHERS = 8;

    @RegisterExtension
    static final VideoServer server = new VideoServer();

    @Test
    void eightPublishersAtOnceAreAllIngestedCompletely() {
        Media media = MediaSamples.get(Sample.H264_AAC_NO_BFRAMES);
        List<VideoStream> streams = new ArrayList<>();
        for (int i = 0; i < PUBLISHERS; i++) {
            streams.add(server.createStream("concurrent-" + i));
        }
        long base = System.currentTimeMillis() - 600_000;
        List<FfmpegPublisher> publishers = new ArrayList<>();
        Instant sentFrom = Instant.now();
        try {
            for (int i = 0; i < PUBLISHERS; i++) {
                publishers.add(FfmpegPublisher.publish(media.file()).streamName(streams.get(i).name())
                        .relative(base + i * 60_000L).readRate(2).start(server.endpoint()));
            }
            publishers.forEach(p -> p.awaitSuccess(Duration.ofSeconds(60)));
        } finally {
            publishers.forEach(FfmpegPublisher::close);
        }
        Instant sentTo = Instant.now();

        for (int i = 0; i < PUBLISHERS; i++) {
            String name = streams.get(i).name();
            FragmentAssertions.assertOneFragmentPerCluster(
                    server.awaitFragments(name, media.clusters().size(), Duration.ofSeconds(20)), media,
                    base + i * 60_000L, sentFrom, sentTo);
        }
    }
}
