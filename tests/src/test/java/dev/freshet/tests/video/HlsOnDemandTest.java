package dev.freshet.tests.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.freshet.tests.harness.Errors;
import dev.freshet.tests.video.support.FfProbe;
import dev.freshet.tests.video.support.FrameHashes;
import dev.freshet.tests.video.support.Http;
import dev.freshet.tests.video.support.M3u8;
import dev.freshet.tests.video.support.MediaSamples;
import dev.freshet.tests.video.support.MediaSamples.Media;
import dev.freshet.tests.video.support.MediaSamples.Sample;
import dev.freshet.tests.video.support.Playback;
import dev.freshet.tests.video.support.VideoServer;
import dev.freshet.tests.video.support.VideoServer.VideoStream;
import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.kinesisvideoarchivedmedia.model.ContainerFormat;
import software.amazon.awssdk.services.kinesisvideoarchivedmedia.model.Fragment;
import software.amazon.awssdk.services.kinesisvideoarchivedmedia.model.HLSDisplayFragmentTimestamp;
import software.amazon.awssdk.services.kinesisvideoarchivedmedia.model.HLSFragmentSelectorType;
import software.amazon.awssdk.services.kinesisvideoarchivedmedia.model.HLSPlaybackMode;
import software.amazon.awssdk.services.kinesisvideoarchivedmedia.model.InvalidArgumentException;
import software.amazon.awssdk.services.kinesisvideoarchivedmedia.model.ResourceNotFoundException;

/**
 * ON_DEMAND HLS of an archived sample (H.264 with B-frames + AAC), fragmented MP4 and MPEG-TS: ffprobe
 * opens the master playlist URL and finds the source's codecs, size, frame count and duration; the
 * decoded frames are the source's, bit for bit (nothing transcoded, lost or repeated). Program
 * date-times show producer timestamps when asked; segments honour Range requests; the session URL is
 * Freshet's own and its token cannot be forged; Expires is checked against its documented range.
 */
class HlsOnDemandTest {
    @RegisterExtension
    static final VideoServer server = new VideoServer();

    private static Media media;
    private static VideoStream stream;
    private static List<Fragment> fragments;
    private static Instant from;
    private static Instant to;

    @BeforeAll
    static void publishASample() {
        media = MediaSamples.get(Sample.H264_AAC);
        stream = server.createStream("hls-on-demand");
        long start = System.currentTimeMillis() - 60_000;
        fragments = server.publish(stream.name(), media, start);
        from = Instant.ofEpochMilli(start).minusSeconds(1);
        to = Instant.ofEpochMilli(start).plusSeconds(60);
    }

    @Test
    void fragmentedMp4PlaysEveryFrameUnchanged() {
        URI master = Playback.hlsOnDemand(server, stream.name(), from, to, ContainerFormat.FRAGMENTED_MP4,
                HLSDisplayFragmentTimestamp.NEVER);

        assertThat(master.getScheme() + "://" + master.getAuthority()).as("the session URL is served by Freshet")
                .isEqualTo(server.endpoint().toString());
        assertThat(master.getPath()).isEqualTo("/hls/v1/getHLSMasterPlaylist.m3u8");
        assertThat(master.getQuery()).contains("SessionToken=");
        M3u8 video = videoPlaylist(master);
        assertThat(video.ended()).as("an ON_DEMAND media playlist ends (#EXT-X-ENDLIST)").isTrue();
        assertThat(video.map()).as("fMP4 media playlists name their init segment (#EXT-X-MAP)").isPresent();
        assertThat(video.segments()).as("one segment per fragment").hasSameSizeAs(fragments);
        assertThat(video.tags("#EXT-X-PROGRAM-DATE-TIME")).as("no program date-times with DisplayFragmentTimestamp NEVER")
                .isEmpty();
        assertPlaysLikeTheSource(master);
    }

    @Test
    void mpegTsPlaysEveryFrameUnchanged() {
        URI master = Playback.hlsOnDemand(server, stream.name(), from, to, ContainerFormat.MPEG_TS,
                HLSDisplayFragmentTimestamp.NEVER);

        M3u8 video = videoPlaylist(master);
        assertThat(video.map()).as("MPEG-TS segments carry their own initialisation").isEmpty();
        assertThat(video.segments()).hasSameSizeAs(fragments).allSatisfy(s ->
                assertThat(s.uri().getPath()).endsWith(".ts"));
        assertPlaysLikeTheSource(master);
    }

    @Test
    void programDateTimesAreTheProducerTimestamps() {
        URI master = Playback.hlsOnDemand(server, stream.name(), from, to, ContainerFormat.FRAGMENTED_MP4,
                HLSDisplayFragmentTimestamp.ALWAYS);

        List<M3u8.Segment> segments = videoPlaylist(master).segments();
        assertThat(segments).extracting(s -> s.programDateTime() == null ? null : s.programDateTime().toEpochMilli())
                .as("#EXT-X-PROGRAM-DATE-TIME of each segment")
                .containsExactlyElementsOf(fragments.stream().map(f -> f.producerTimestamp().toEpochMilli()).toList());
        assertThat(segments).extracting(M3u8.Segment::durationSeconds).as("#EXTINF of each segment, seconds")
                .allSatisfy(d -> assertThat(d).isCloseTo(1.0, within(0.1)));
    }

    @Test
    void maxMediaPlaylistFragmentResultsKeepsTheOldestFragments() {
        URI master = Playback.hls(server, stream.name(), b -> b.playbackMode(HLSPlaybackMode.ON_DEMAND)
                .maxMediaPlaylistFragmentResults(2L).displayFragmentTimestamp(HLSDisplayFragmentTimestamp.ALWAYS)
                .hlsFragmentSelector(s -> s.fragmentSelectorType(HLSFragmentSelectorType.PRODUCER_TIMESTAMP)
                        .timestampRange(r -> r.startTimestamp(from).endTimestamp(to))));

        assertThat(videoPlaylist(master).segments()).extracting(s -> s.programDateTime().toEpochMilli())
                .containsExactly(fragments.get(0).producerTimestamp().toEpochMilli(),
                        fragments.get(1).producerTimestamp().toEpochMilli());
    }

    @Test
    void liveReplayStartsAtTheRequestedTimestamp() {
        Instant third = fragments.get(2).producerTimestamp();
        URI master = Playback.hls(server, stream.name(), b -> b.playbackMode(HLSPlaybackMode.LIVE_REPLAY)
                .displayFragmentTimestamp(HLSDisplayFragmentTimestamp.ALWAYS)
                .hlsFragmentSelector(s -> s.fragmentSelectorType(HLSFragmentSelectorType.PRODUCER_TIMESTAMP)
                        .timestampRange(r -> r.startTimestamp(third))));

        List<M3u8.Segment> segments = videoPlaylist(master).segments();
        assertThat(segments).as("LIVE_REPLAY from the third fragment").isNotEmpty().hasSizeLessThanOrEqualTo(5);
        assertThat(segments.get(0).programDateTime()).isEqualTo(third);
    }

    @Test
    void segmentsAnswerRangeRequestsWithPartialContent() {
        URI master = Playback.hlsOnDemand(server, stream.name(), from, to, ContainerFormat.FRAGMENTED_MP4,
                HLSDisplayFragmentTimestamp.NEVER);
        URI segment = videoPlaylist(master).segments().get(1).uri();
        byte[] whole = Http.ok(segment).body();
        assertThat(whole.length).isGreaterThan(2000);

        Http.Response middle = Http.get(segment, "Range", "bytes=100-1099");
        assertThat(middle.status()).as("Range request on a segment").isEqualTo(206);
        assertThat(middle.header("Content-Range")).hasValue("bytes 100-1099/" + whole.length);
        assertThat(middle.body()).isEqualTo(Arrays.copyOfRange(whole, 100, 1100));

        Http.Response tail = Http.get(segment, "Range", "bytes=" + (whole.length - 10) + "-");
        assertThat(tail.status()).isEqualTo(206);
        assertThat(tail.body()).isEqualTo(Arrays.copyOfRange(whole, whole.length - 10, whole.length));

        Http.Response beyond = Http.get(segment, "Range", "bytes=" + (whole.length + 10) + "-");
        assertThat(beyond.status()).as("a range starting past the end").isEqualTo(416);
    }

    @Test
    void aForgedOrMissingSessionTokenIsRefused() {
        URI master = Playback.hlsOnDemand(server, stream.name(), from, to, ContainerFormat.FRAGMENTED_MP4,
                HLSDisplayFragmentTimestamp.NEVER);
        URI media = M3u8.fetch(master).variants().get(0);

        for (URI genuine : List.of(master, media)) {
            URI forged = URI.create(forge(genuine.toString()));
            assertThat(Http.get(forged).status()).as("GET with a forged token %s", forged).isIn(401, 403);
            URI without = URI.create(genuine.toString().replaceAll("SessionToken=[^&]*", "SessionToken="));
            assertThat(Http.get(without).status()).as("GET with an empty token %s", without).isIn(400, 401, 403);
            assertThat(Http.get(genuine).status()).as("the genuine URL still works").isEqualTo(200);
        }
    }

    @Test
    void expiresMustBeBetween300And43200Seconds() {
        for (int expires : List.of(299, 43_201)) {
            assertThat(Errors.serviceError(() -> Playback.hls(server, stream.name(), b -> b
                    .playbackMode(HLSPlaybackMode.ON_DEMAND).expires(expires)
                    .hlsFragmentSelector(s -> s.fragmentSelectorType(HLSFragmentSelectorType.PRODUCER_TIMESTAMP)
                            .timestampRange(r -> r.startTimestamp(from).endTimestamp(to))))))
                    .as("Expires %d", expires).isInstanceOf(InvalidArgumentException.class);
        }
        URI master = Playback.hls(server, stream.name(), b -> b.playbackMode(HLSPlaybackMode.ON_DEMAND).expires(300)
                .hlsFragmentSelector(s -> s.fragmentSelectorType(HLSFragmentSelectorType.PRODUCER_TIMESTAMP)
                        .timestampRange(r -> r.startTimestamp(from).endTimestamp(to))));
        assertThat(Http.get(master).status()).isEqualTo(200);
    }

    @Test
    void aRangeWithoutFragmentsIsResourceNotFound() {
        assertThat(Errors.serviceError(() -> Playback.hlsOnDemand(server, stream.name(), from.minusSeconds(7200),
                from.minusSeconds(3600), ContainerFormat.FRAGMENTED_MP4, HLSDisplayFragmentTimestamp.NEVER)))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    /** ffprobe and ffmpeg on the master playlist URL: same codecs, size, frames, duration and pictures as the file. */
    private static void assertPlaysLikeTheSource(URI master) {
        FfProbe.Probe probe = FfProbe.probe(master.toString());
        FfProbe.StreamInfo video = probe.video();
        assertThat(video.codecName()).as("video codec").isEqualTo("h264");
        assertThat(video.width()).as("width").isEqualTo(media.width());
        assertThat(video.height()).as("height").isEqualTo(media.height());
        assertThat(video.frames()).as("decoded video frames").isEqualTo(media.videoFrames());
        assertThat(probe.audio()).as("audio").hasValueSatisfying(a -> assertThat(a.codecName()).isEqualTo("aac"));
        assertThat(probe.durationSeconds()).as("duration, seconds").isCloseTo(media.sample().seconds(), within(0.2));
        FrameHashes.assertSameFrames("HLS " + master, FrameHashes.of(master.toString()), media.frameHashes());
    }

    /** The media playlist of the first variant (video, with audio muxed in or as a rendition). */
    static M3u8 videoPlaylist(URI masterUri) {
        M3u8 master = M3u8.fetch(masterUri);
        assertThat(master.isMaster()).as("master playlist %s", master.text()).isTrue();
        assertThat(master.variants()).as("variant streams in %s", master.text()).isNotEmpty();
        return M3u8.fetch(master.variants().get(0));
    }

    /** The URL with one character of its session token changed. */
    static String forge(String url) {
        int at = url.indexOf("SessionToken=") + "SessionToken=".length() + 10;
        char c = url.charAt(at);
        return url.substring(0, at) + (c == 'A' ? 'B' : 'A') + url.substring(at + 1);
    }
}
