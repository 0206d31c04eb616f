package dev.freshet.tests.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.freshet.tests.harness.Errors;
import dev.freshet.tests.video.support.FfProbe;
import dev.freshet.tests.video.support.FfmpegPublisher;
import dev.freshet.tests.video.support.GetMediaSession;
import dev.freshet.tests.video.support.Http;
import dev.freshet.tests.video.support.M3u8;
import dev.freshet.tests.video.support.MediaFragment;
import dev.freshet.tests.video.support.MediaSamples;
import dev.freshet.tests.video.support.MediaSamples.Media;
import dev.freshet.tests.video.support.MediaSamples.Sample;
import dev.freshet.tests.video.support.Playback;
import dev.freshet.tests.video.support.VideoServer;
import dev.freshet.tests.video.support.VideoServer.VideoStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.kinesisvideo.model.APIName;
import software.amazon.awssdk.services.kinesisvideoarchivedmedia.model.ClipFragmentSelectorType;
import software.amazon.awssdk.services.kinesisvideoarchivedmedia.model.ContainerFormat;
import software.amazon.awssdk.services.kinesisvideoarchivedmedia.model.Format;
import software.amazon.awssdk.services.kinesisvideoarchivedmedia.model.HLSDisplayFragmentTimestamp;
import software.amazon.awssdk.services.kinesisvideoarchivedmedia.model.ImageSelectorType;
import software.amazon.awssdk.services.kinesisvideoarchivedmedia.model.NoDataRetentionException;
import software.amazon.awssdk.services.kinesisvideomedia.model.StartSelectorType;

/**
 * A stream with {@code DataRetentionInHours = 0} keeps nothing but still plays live: GetMedia NOW and a
 * LIVE HLS session deliver the fragments while ffmpeg publishes, yet ListFragments lists nothing and
 * ON_DEMAND HLS, GetClip and GetImages answer NoDataRetentionException, as the reference documents.
 */
class RetentionTest {
    @RegisterExtension
    static final VideoServer server = new VideoServer();

    @Test
    void aStreamWithoutRetentionPlaysLiveButArchivesNothing() {
        Media live = MediaSamples.get(Sample.LIVE_H264_AAC);
        VideoStream stream = server.createStream("no-retention", 0);
        long start = System.currentTimeMillis();
        try (FfmpegPublisher ffmpeg = FfmpegPublisher.publish(live.file()).streamName(stream.name()).relative(start)
                .realTime().start(server.endpoint());
             GetMediaSession tail = GetMediaSession.open(server.media(stream.name()), b -> b.streamName(stream.name())
                     .startSelector(s -> s.startSelectorType(StartSelectorType.NOW)))) {
            List<MediaFragment> live2 = tail.next(2, Duration.ofSeconds(10));
            assertThat(live2).extracting(f -> f.timestampMillis(MediaFragment.PRODUCER_TIMESTAMP) - start)
                    .as("GetMedia NOW delivers live fragments of a stream without retention")
                    .isSorted().allSatisfy(t -> assertThat(t).isBetween(0L, 40_000L));
            assertThat(FfProbe.probe(live2.get(1).writeTemp()).video().frames()).isEqualTo(live.fps());

            URI master = Playback.hlsLive(server, stream.name());
            URI media = M3u8.fetch(master).variants().get(0);
            await("LIVE media playlist with segments").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250))
                    .until(() -> !M3u8.fetch(media).segments().isEmpty());
            M3u8 playlist = M3u8.fetch(media);
            assertThat(Http.ok(playlist.segments().get(0).uri()).body()).as("a LIVE segment").isNotEmpty();

            assertThat(server.fragments(stream.name())).as("ListFragments without retention").isEmpty();
            Instant from = Instant.ofEpochMilli(start).minusSeconds(60);
            Instant to = Instant.now().plusSeconds(60);
            assertThat(Errors.serviceError(() -> Playback.hlsOnDemand(server, stream.name(), from, to,
                    ContainerFormat.FRAGMENTED_MP4, HLSDisplayFragmentTimestamp.NEVER)))
                    .as("ON_DEMAND HLS without retention").isInstanceOf(NoDataRetentionException.class);
            assertThat(Errors.serviceError(() -> server.archived(stream.name(), APIName.GET_CLIP)
                    .getClipAsBytes(b -> b.streamName(stream.name()).clipFragmentSelector(s -> s
                            .fragmentSelectorType(ClipFragmentSelectorType.PRODUCER_TIMESTAMP)
                            .timestampRange(r -> r.startTimestamp(from).endTimestamp(to))))))
                    .as("GetClip without retention").isInstanceOf(NoDataRetentionException.class);
            assertThat(Errors.serviceError(() -> server.archived(stream.name(), APIName.GET_IMAGES)
                    .getImages(b -> b.streamName(stream.name()).imageSelectorType(ImageSelectorType.PRODUCER_TIMESTAMP)
                            .startTimestamp(Instant.ofEpochMilli(start)).endTimestamp(Instant.ofEpochMilli(start + 5000))
                            .samplingInterval(1000).format(Format.JPEG))))
                    .as("GetImages without retention").isInstanceOf(NoDataRetentionException.class);
        }
    }
}
