package dev.freshet.fragments.hls;

import dev.freshet.datastreams.tokens.SealedTokens;
import dev.freshet.fragments.live.LiveEdge;
import dev.freshet.fragments.live.PartPlan;
import dev.freshet.fragments.media.Fragment;
import dev.freshet.fragments.media.Frame;
import dev.freshet.fragments.store.FragmentInfo;
import dev.freshet.fragments.store.FragmentLog;
import dev.freshet.fragments.store.TimestampKind;
import dev.freshet.fragments.testmedia.MediaProbe;
import dev.freshet.fragments.testmedia.MkvSamples;
import dev.freshet.fragments.testmedia.StoredStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** From an ffmpeg upload to playlists and segments that ffmpeg plays back frame for frame. */
class HlsFromPutMediaTest {

    static final long START = 1_800_000_000_000L;

    @TempDir
    Path dir;
    StoredStream stream;
    FragmentLog log;
    LiveEdge edge;
    Path source;

    @BeforeEach
    void ingest() {
        source = MkvSamples.h264Aac();
        stream = StoredStream.upload(dir, source, START);
        log = stream.log();
        edge = stream.edge();
    }

    @AfterEach
    void close() {
        stream.close();
    }

    @Test
    void onDemandPlaylistListsEveryFragmentAndEnds() {
        HlsSession session = session(HlsSession.Mode.ON_DEMAND, HlsSession.Container.FRAGMENTED_MP4);
        String playlist = new HlsPlaylists(200_000).mediaPlaylist(session, "T", log, edge, START + 60_000);
        List<FragmentInfo> fragments = log.after(-1, 100);

        assertThat(playlist).startsWith("#EXTM3U").contains("#EXT-X-PLAYLIST-TYPE:VOD").endsWith("#EXT-X-ENDLIST\n")
            .contains("#EXT-X-MAP:URI=\"getMP4InitFragment.mp4?FragmentNumber=" + fragments.get(0).fragmentNumber())
            .contains("#EXT-X-PROGRAM-DATE-TIME:2027-01-15T08:00:00.021Z");
        assertThat(playlist.lines().filter(l -> l.startsWith("getMP4MediaFragment.mp4")).count()).isEqualTo(fragments.size());
        assertThat(playlist).doesNotContain("#EXT-X-PART");
    }

    @Test
    void fmp4SegmentsDecodeToTheSourceFrames() throws IOException {
        HlsMedia media = new HlsMedia(new PartPlan(200_000));
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        List<FragmentInfo> fragments = log.after(-1, 100);
        joined.write(media.init(log, fragments.get(0).sequence()));
        for (FragmentInfo fragment : fragments) {
            joined.write(media.mp4Segment(log, fragment.sequence()));
        }
        Path played = dir.resolve("joined.mp4");
        Files.write(played, joined.toByteArray());

        assertThat(MediaProbe.decodedVideoMd5(played)).isEqualTo(MediaProbe.decodedVideoMd5(source));
    }

    @Test
    void partsOfEverySegmentDecodeToTheSameFramesAsTheSegments() throws IOException {
        HlsMedia media = new HlsMedia(new PartPlan(200_000));
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        List<FragmentInfo> fragments = log.after(-1, 100);
        joined.write(media.init(log, fragments.get(0).sequence()));
        int parts = 0;
        for (FragmentInfo fragment : fragments) {
            for (int part = 0; ; part++) {
                try {
                    joined.write(media.mp4Part(log, edge, fragment.sequence(), part));
                    parts++;
                } catch (PlaybackException end) {
                    break;
                }
            }
        }
        Path played = dir.resolve("parts.mp4");
        Files.write(played, joined.toByteArray());

        assertThat(parts).isGreaterThan(fragments.size());
        assertThat(MediaProbe.decodedVideoMd5(played)).isEqualTo(MediaProbe.decodedVideoMd5(source));
    }

    @Test
    void tsSegmentsDecodeToTheSourceFrames() throws IOException {
        HlsMedia media = new HlsMedia(new PartPlan(200_000));
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        for (FragmentInfo fragment : log.after(-1, 100)) {
            joined.write(media.tsSegment(log, fragment.sequence(), "token"));
        }
        Path played = dir.resolve("joined.ts");
        Files.write(played, joined.toByteArray());

        assertThat(MediaProbe.decodedVideoMd5(played)).isEqualTo(MediaProbe.decodedVideoMd5(source));
    }

    @Test
    void aFragmentCompleteOnTheLiveEdgeKeepsItsPartsListedUntilItIsStored() {
        FragmentInfo last = log.latest().orElseThrow();
        Fragment stored = log.read(last.sequence()).orElseThrow();
        long shift = last.durationMillis() * 1000;
        long next = last.sequence() + 1;
        edge.startFragment(next, stored.tracks());
        stored.frames().forEach(f -> edge.addFrame(new Frame(f.track(), f.timestampMicros() + shift, f.durationMicros(),
            f.keyframe(), f.data())));
        edge.endFragment();
        HlsSession session = session(HlsSession.Mode.LIVE, HlsSession.Container.FRAGMENTED_MP4);

        String playlist = new HlsPlaylists(200_000).mediaPlaylist(session, "T", log, edge,
            last.serverTimestampMillis() + 1000);

        assertThat(playlist).as("the parts of the fragment on its way into the log")
            .contains("getMP4MediaPart.mp4?MediaSequence=" + next + "&Part=0")
            .as("no hint: the next part would be read as one more of that segment").doesNotContain("#EXT-X-PRELOAD-HINT");
    }

    @Test
    void liveLowLatencyPlaylistListsPartsAndAPreloadHint() {
        HlsSession session = session(HlsSession.Mode.LIVE, HlsSession.Container.FRAGMENTED_MP4);
        long now = log.latest().orElseThrow().serverTimestampMillis() + 1000;
        String playlist = new HlsPlaylists(200_000).mediaPlaylist(session, "T", log, edge, now);

        assertThat(playlist).contains("#EXT-X-SERVER-CONTROL:CAN-BLOCK-RELOAD=YES,PART-HOLD-BACK=")
            .contains("#EXT-X-PART:DURATION=")
            .contains("#EXT-X-PRELOAD-HINT:TYPE=PART,URI=\"getMP4MediaPart.mp4?MediaSequence=")
            .doesNotContain("#EXT-X-ENDLIST");
        double partTarget = Double.parseDouble(attribute(playlist, "#EXT-X-PART-INF:PART-TARGET="));
        double holdBack = Double.parseDouble(attribute(playlist, "PART-HOLD-BACK="));
        assertThat(partTarget).as("PART-TARGET: the plan's, or the longest part where B-frames forbid a cut")
            .isGreaterThanOrEqualTo(0.200);
        assertThat(holdBack).as("PART-HOLD-BACK, three part targets").isCloseTo(3 * partTarget, within(0.0015));
        assertThat(playlist.lines().filter(line -> line.startsWith("#EXT-X-PART:DURATION=")))
            .as("every part within PART-TARGET (RFC 8216bis)")
            .allSatisfy(line -> assertThat(Double.parseDouble(attribute(line, "DURATION="))).isLessThanOrEqualTo(
                partTarget));
    }

    @Test
    void sessionTokensRoundTripAndExpire() {
        SessionTokens tokens = new SessionTokens(new SealedTokens(SealedTokens.newKey()));
        HlsSession session = session(HlsSession.Mode.LIVE, HlsSession.Container.MPEG_TS);
        String token = tokens.issue(session);

        assertThat(token).matches("[A-Za-z0-9_-]+");
        assertThat(tokens.open(token, START)).contains(session);
        assertThat(tokens.open(token, session.expiresMillis())).isEmpty();
        assertThat(tokens.open(token.substring(1), START)).isEmpty();
    }

    private HlsSession session(HlsSession.Mode mode, HlsSession.Container container) {
        return new HlsSession("cam", "camera", mode, container, TimestampKind.PRODUCER, Long.MIN_VALUE, Long.MAX_VALUE,
            HlsSession.Discontinuity.NEVER, true, mode == HlsSession.Mode.LIVE ? 5 : 1000, START, START + 300_000);
    }

    /** The value after {@code prefix}, up to the next comma or line end. */
    private static String attribute(String text, String prefix) {
        int start = text.indexOf(prefix) + prefix.length();
        int end = start;
        while (end < text.length() && text.charAt(end) != ',' && text.charAt(end) != '\n') {
            end++;
        }
        return text.substring(start, end);
    }
}
