package dev.freshet.tests.video;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freshet.tests.video.support.FfProbe;
import dev.freshet.tests.video.support.FragmentAssertions;
import dev.freshet.tests.video.support.FrameHashes;
import dev.freshet.tests.video.support.MediaSamples;
import dev.freshet.tests.video.support.MediaSamples.Media;
import dev.freshet.tests.video.support.MediaSamples.Sample;
import dev.freshet.tests.video.support.Playback;
import dev.freshet.tests.video.support.VideoServer;
import dev.freshet.tests.video.support.VideoServer.VideoStream;
import java.net.URI;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.kinesisvideoarchivedmedia.model.ContainerFormat;
import software.amazon.awssdk.services.kinesisvideoarchivedmedia.model.HLSDisplayFragmentTimestamp;

/**
 * H.265 ({@code V_MPEGH/ISO/HEVC}, made with libx265) goes through PutMedia and plays back as ON_DEMAND
 * fragmented-MP4 HLS (the container the service supports for H.265) with every frame unchanged.
 */
class H265Test {
    @RegisterExtension
    static final VideoServer server = new VideoServer();

    @Test
    void h265IsIngestedAndPlaysAsFragmentedMp4Hls() {
        Media media = MediaSamples.get(Sample.H265_AAC);
        VideoStream stream = server.createStream("h265");
        long start = System.currentTimeMillis() - 60_000;
        Instant sentFrom = Instant.now();
        FragmentAssertions.assertOneFragmentPerCluster(server.publish(stream.name(), media, start), media, start,
                sentFrom, Instant.now());

        URI master = Playback.hlsOnDemand(server, stream.name(), Instant.ofEpochMilli(start - 1000),
                Instant.ofEpochMilli(start + 60_000), ContainerFormat.FRAGMENTED_MP4, HLSDisplayFragmentTimestamp.NEVER);

        FfProbe.StreamInfo video = FfProbe.probe(master.toString()).video();
        assertThat(video.codecName()).isEqualTo("hevc");
        assertThat(video.width()).isEqualTo(media.width());
        assertThat(video.height()).isEqualTo(media.height());
        assertThat(video.frames()).isEqualTo(media.videoFrames());
        FrameHashes.assertSameFrames("H.265 HLS", FrameHashes.of(master.toString()), media.frameHashes());
    }
}
