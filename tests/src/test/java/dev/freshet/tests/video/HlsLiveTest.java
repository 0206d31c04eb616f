package dev.freshet.tests.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.freshet.tests.harness.Errors;
import dev.freshet.tests.video.support.FfProbe;
import dev.freshet.tests.video.support.FfmpegPublisher;
import dev.freshet.tests.video.support.Http;
import dev.freshet.tests.video.support.M3u8;
import dev.freshet.tests.video.support.MediaSamples;
import dev.freshet.tests.video.support.MediaSamples.Media;
import dev.freshet.tests.video.support.MediaSamples.Sample;
import dev.freshet.tests.video.support.Playback;
import dev.freshet.tests.video.support.VideoServer;
import dev.freshet.tests.video.support.VideoServer.VideoStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.kinesisvideoarchivedmedia.model.ResourceNotFoundException;

/**
 * LIVE HLS while ffmpeg publishes in real time: the fragmented-MP4 media playlist is Low-Latency HLS
 * (RFC 8216bis: {@code #EXT-X-SERVER-CONTROL:CAN-BLOCK-RELOAD=YES}, {@code #EXT-X-PART-INF},
 * {@code #EXT-X-PART}, {@code #EXT-X-PRELOAD-HINT}), holds at most MaxMediaPlaylistFragmentResults
 * segments, slides as fragments arrive, stays within a few seconds of the wall clock, answers a blocking
 * reload ({@code _HLS_msn}/{@code _HLS_part}) once that part exists, and its init segment plus a segment
 * decode. A stream with nothing in the last 30 s has no LIVE session (ResourceNotFoundException).
 */
class HlsLiveTest {
    @RegisterExtension
    static final VideoServer server = new VideoServer();

    @Test
    void theLivePlaylistIsLowLatencyHlsAndSlides() throws Exception {
        Media live = MediaSamples.get(Sample.LIVE_H264_AAC);
        VideoStream stream = server.createStream("hls-live");
        try (FfmpegPublisher ffmpeg = FfmpegPublisher.publish(live.file()).streamName(stream.name())
                .relative(System.currentTimeMillis()).realTime().start(server.endpoint())) {
            server.awaitAtLeast(stream.name(), 2, Duration.ofSeconds(15));
            URI master = Playback.hlsLive(server, stream.name());
            M3u8 masterPlaylist = M3u8.fetch(master);
            URI mediaUri = masterPlaylist.variants().get(0);
            M3u8 first = M3u8.fetch(mediaUri);

            assertLowLatencyTags(first);
            assertThat(first.segments()).as("segments of a LIVE playlist (MaxMediaPlaylistFragmentResults 5)")
                    .isNotEmpty().hasSizeLessThanOrEqualTo(5);
            M3u8.Segment newest = first.segments().get(first.segments().size() - 1);
            assertThat(newest.programDateTime()).as("#EXT-X-PROGRAM-DATE-TIME (DisplayFragmentTimestamp ALWAYS)")
                    .isNotNull();
            assertThat(System.currentTimeMillis() - newest.programDateTime().toEpochMilli())
                    .as("the newest complete segment started at most 4 s ago (1 s GOPs published in real time)")
                    .isLessThan(4000);

            assertBlockingReloadWaitsForTheNextPart(mediaUri, first);

            await("the LIVE playlist slides").atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250))
                    .until(() -> M3u8.fetch(mediaUri).mediaSequence() > first.mediaSequence());
            M3u8 later = M3u8.fetch(mediaUri);
            assertThat(later.segments()).hasSizeLessThanOrEqualTo(5);
            assertThat(later.segments().get(later.segments().size() - 1).programDateTime())
                    .isAfter(newest.programDateTime());

            assertInitAndSegmentDecode(later);
        }
    }

    @Test
    void aStreamWithoutRecentFragmentsHasNoLiveSession() {
        VideoStream stream = server.createStream("hls-live-empty");
        assertThat(Errors.serviceError(() -> Playback.hlsLive(server, stream.name())))
                .as("LIVE session on a stream with no fragment in the last 30 s")
                .isInstanceOf(ResourceNotFoundException.class);
    }

    private static void assertLowLatencyTags(M3u8 playlist) {
        String text = playlist.text();
        assertThat(playlist.ended()).as("a LIVE playlist has no #EXT-X-ENDLIST\n%s", text).isFalse();
        Map<String, String> control = M3u8.attributes(playlist.tag("#EXT-X-SERVER-CONTROL").orElse(""));
        assertThat(control).as("#EXT-X-SERVER-CONTROL\n%s", text).containsEntry("CAN-BLOCK-RELOAD", "YES");
        Map<String, String> partInf = M3u8.attributes(playlist.tag("#EXT-X-PART-INF").orElse(""));
        assertThat(partInf).as("#EXT-X-PART-INF\n%s", text).containsKey("PART-TARGET");
        double partTarget = Double.parseDouble(partInf.get("PART-TARGET"));
        assertThat(partTarget).as("PART-TARGET, seconds").isGreaterThan(0).isLessThan(1.0 + 1e-9);
        assertThat(playlist.tags("#EXT-X-PART")).as("#EXT-X-PART lines\n%s", text).isNotEmpty();
        assertThat(playlist.tag("#EXT-X-PRELOAD-HINT").map(M3u8::attributes).orElse(Map.of()))
                .as("#EXT-X-PRELOAD-HINT\n%s", text).containsEntry("TYPE", "PART").containsKey("URI");
        assertThat(playlist.map()).as("#EXT-X-MAP\n%s", text).isPresent();
        List<M3u8.Part> parts = playlist.segments().stream().flatMap(s -> s.parts().stream()).toList();
        assertThat(parts).as("parts of recent segments").allSatisfy(p ->
                assertThat(p.durationSeconds()).isLessThanOrEqualTo(partTarget + 1e-3));
    }

    /**
     * Asks for the part after the last one listed ({@code _HLS_msn=N&_HLS_part=M}); the server holds the
     * request until that part exists, then the playlist must list it.
     */
    private static void assertBlockingReloadWaitsForTheNextPart(URI mediaUri, M3u8 playlist) {
        long msn = playlist.mediaSequence() + playlist.segments().size();
        int part = playlist.trailingParts().size();
        URI blocking = URI.create(mediaUri + "&_HLS_msn=" + msn + "&_HLS_part=" + part);
        Http.Response response = Http.get(blocking, Duration.ofSeconds(10));
        assertThat(response.status()).as("blocking playlist reload %s", blocking).isEqualTo(200);
        M3u8 reloaded = new M3u8(mediaUri, response.text());
        long lastMsn = reloaded.mediaSequence() + reloaded.segments().size();
        boolean hasIt = lastMsn > msn || (lastMsn == msn && reloaded.trailingParts().size() > part);
        assertThat(hasIt).as("the playlist returned for _HLS_msn=%d&_HLS_part=%d (after %d ms) lists that part:\n%s",
                msn, part, response.millis(), reloaded.text()).isTrue();
        System.out.printf("blocking reload for msn %d part %d answered after %d ms%n", msn, part, response.millis());
    }

    private static void assertInitAndSegmentDecode(M3u8 playlist) throws Exception {
        ByteArrayOutputStream mp4 = new ByteArrayOutputStream();
        mp4.writeBytes(Http.ok(playlist.map().orElseThrow()).body());
        mp4.writeBytes(Http.ok(playlist.segments().get(playlist.segments().size() - 1).uri()).body());
        Path file = MediaSamples.tempFile("live-segment", ".mp4");
        Files.write(file, mp4.toByteArray());
        FfProbe.Probe probe = FfProbe.probe(file.toString());
        assertThat(probe.video().codecName()).isEqualTo("h264");
        assertThat(probe.video().frames()).as("frames of one 1 s live segment").isEqualTo(25);
        URI hint = playlist.preloadHint().orElseThrow();
        Http.Response preload = Http.get(hint, Duration.ofSeconds(10));
        assertThat(preload.status()).as("GET of the preload hint %s is answered once the part exists", hint)
                .isEqualTo(200);
        assertThat(preload.body()).isNotEmpty();
    }
}
