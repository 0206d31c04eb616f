package dev.freshet.tests.video;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freshet.tests.video.support.FfProbe;
import dev.freshet.tests.video.support.FrameHashes;
import dev.freshet.tests.video.support.Http;
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

/**
 * ON_DEMAND DASH through GetDASHStreamingSessionURL: the URL is Freshet's
 * {@code /dash/v1/getDASHManifest.mpd?SessionToken=…}, the manifest is an MPD, and ffmpeg's DASH demuxer
 * plays every source frame unchanged.
 */
class DashOnDemandTest {
    @RegisterExtension
    static final VideoServer server = new VideoServer();

    @Test
    void dashPlaysEveryFrameUnchanged() {
        Media media = MediaSamples.get(Sample.H264_AAC_NO_BFRAMES);
        VideoStream stream = server.createStream("dash");
        long start = System.currentTimeMillis() - 60_000;
        server.publish(stream.name(), media, start);

        URI manifest = Playback.dashOnDemand(server, stream.name(), Instant.ofEpochMilli(start - 1000),
                Instant.ofEpochMilli(start + 60_000));

        assertThat(manifest.getScheme() + "://" + manifest.getAuthority()).isEqualTo(server.endpoint().toString());
        assertThat(manifest.getPath()).isEqualTo("/dash/v1/getDASHManifest.mpd");
        assertThat(Http.ok(manifest).text()).as("DASH manifest").contains("<MPD");
        FfProbe.StreamInfo video = FfProbe.probe(manifest.toString()).video();
        assertThat(video.codecName()).isEqualTo("h264");
        assertThat(video.width()).isEqualTo(media.width());
        assertThat(video.frames()).isEqualTo(media.videoFrames());
        FrameHashes.assertSameFrames("DASH " + manifest, FrameHashes.of(manifest.toString()), media.frameHashes());
    }
}
