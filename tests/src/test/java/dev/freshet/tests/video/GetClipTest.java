package dev.freshet.tests.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.freshet.tests.harness.Errors;
import dev.freshet.tests.video.support.FfProbe;
import dev.freshet.tests.video.support.FrameHashes;
import dev.freshet.tests.video.support.MediaSamples;
import dev.freshet.tests.video.support.MediaSamples.Media;
import dev.freshet.tests.video.support.MediaSamples.Sample;
import dev.freshet.tests.video.support.Mp4Boxes;
import dev.freshet.tests.video.support.VideoServer;
import dev.freshet.tests.video.support.VideoServer.VideoStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.kinesisvideo.model.APIName;
import software.amazon.awssdk.services.kinesisvideoarchivedmedia.model.ClipFragmentSelectorType;
import software.amazon.awssdk.services.kinesisvideoarchivedmedia.model.Fragment;
import software.amazon.awssdk.services.kinesisvideoarchivedmedia.model.GetClipResponse;
import software.amazon.awssdk.services.kinesisvideoarchivedmedia.model.ResourceNotFoundException;

/**
 * GetClip over producer timestamps: a plain (not fragmented) MP4 holding the fragments that start in
 * [StartTimestamp, EndTimestamp] (the reference compares a fragment's start with both ends, the end being
 * inclusive); ffprobe finds the source's codecs and size, the frame count and duration of those GOPs, and
 * the decoded frames are exactly the source's frames of that range (H.264 with B-frames).
 */
class GetClipTest {
    @RegisterExtension
    static final VideoServer server = new VideoServer();

    private static Media media;
    private static VideoStream stream;
    private static List<Fragment> fragments;

    @BeforeAll
    static void publishASample() {
        media = MediaSamples.get(Sample.H264_AAC);
        stream = server.createStream("clip");
        fragments = server.publish(stream.name(), media, System.currentTimeMillis() - 60_000);
    }

    @Test
    void aClipIsAPlainMp4OfTheFragmentsInTheRange() throws Exception {
        Instant from = fragments.get(1).producerTimestamp();
        Instant to = fragments.get(3).producerTimestamp();

        ResponseBytes<GetClipResponse> clip = clip(from, to);

        assertThat(clip.response().contentType()).as("Content-Type").isEqualTo("video/mp4");
        List<String> boxes = Mp4Boxes.topLevel(clip.asByteArray());
        assertThat(boxes).as("top-level MP4 boxes").contains("ftyp", "moov", "mdat").doesNotContain("moof", "(truncated)");
        Path file = MediaSamples.tempFile("clip", ".mp4");
        Files.write(file, clip.asByteArray());
        FfProbe.Probe probe = FfProbe.probe(file.toString());
        assertThat(probe.formatName()).contains("mp4");
        assertThat(probe.video().codecName()).isEqualTo("h264");
        assertThat(probe.video().width()).isEqualTo(media.width());
        assertThat(probe.video().height()).isEqualTo(media.height());
        assertThat(probe.video().frames()).as("frames of fragments 1, 2 and 3").isEqualTo(3L * media.fps());
        assertThat(probe.durationSeconds()).as("duration, seconds").isCloseTo(3.0, within(0.15));
        assertThat(probe.audio()).hasValueSatisfying(a -> assertThat(a.codecName()).isEqualTo("aac"));
        FrameHashes.assertSameFrames("GetClip", FrameHashes.of(file.toString()),
                media.frameHashes().subList(media.fps(), 4 * media.fps()));
    }

    @Test
    void aRangeWithoutFragmentsIsResourceNotFound() {
        Instant first = fragments.get(0).producerTimestamp();
        assertThat(Errors.serviceError(() -> clip(first.minusSeconds(7200), first.minusSeconds(3600))))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    private static ResponseBytes<GetClipResponse> clip(Instant from, Instant to) {
        return server.archived(stream.name(), APIName.GET_CLIP).getClipAsBytes(b -> b.streamName(stream.name())
                .clipFragmentSelector(s -> s.fragmentSelectorType(ClipFragmentSelectorType.PRODUCER_TIMESTAMP)
                        .timestampRange(r -> r.startTimestamp(from).endTimestamp(to))));
    }
}
