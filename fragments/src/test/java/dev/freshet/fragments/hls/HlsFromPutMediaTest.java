package dev.freshet.fragments.hls;

import dev.freshet.datastreams.log.Durability;
import dev.freshet.datastreams.log.internal.FileLogEngine;
import dev.freshet.datastreams.tokens.SealedTokens;
import dev.freshet.fragments.ingest.PutMediaSession;
import dev.freshet.fragments.live.LiveEdge;
import dev.freshet.fragments.live.PartPlan;
import dev.freshet.fragments.store.FragmentInfo;
import dev.freshet.fragments.store.FragmentLog;
import dev.freshet.fragments.store.TimestampKind;
import dev.freshet.fragments.store.internal.LogFragmentStore;
import dev.freshet.fragments.store.internal.MatroskaFragmentEncoding;
import dev.freshet.fragments.testmedia.Ffmpeg;
import dev.freshet.fragments.testmedia.MediaProbe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** From an ffmpeg upload to playlists and segments that ffmpeg plays back frame for frame. */
class HlsFromPutMediaTest {

    static final long START = 1_800_000_000_000L;

    @TempDir
    Path dir;
    FileLogEngine engine;
    FragmentLog log;
    LiveEdge edge = new LiveEdge(new PartPlan(200_000));
    Path source;

    @BeforeEach
    void ingest() throws IOException {
        engine = new FileLogEngine(dir.resolve("logs"), InstantSource.system(), Duration.ofHours(1));
        log = new LogFragmentStore(engine, new MatroskaFragmentEncoding(), Durability.OS, 1 << 24)
            .open("cam", START, Duration.ofHours(24));
        source = Ffmpeg.sample("hls-src-bframes.mkv", "-f", "lavfi", "-i", "testsrc=size=320x240:rate=25", "-f", "lavfi",
            "-i", "sine=frequency=440:sample_rate=48000", "-c:v", "libx264", "-g", "25", "-c:a", "aac", "-t", "4",
            "-cluster_time_limit", "1100", "-live", "1");
        byte[] bytes = Files.readAllBytes(source);
        PutMediaSession session = new PutMediaSession(log, edge, START, PutMediaSession.TimecodeType.RELATIVE, START,
            ack -> { }, InstantSource.system());
        session.feed(bytes, 0, bytes.length);
        session.finish();
        session.settled().join();
    }

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void onDemandPlaylistListsEveryFragmentAndEnds() {
        HlsSession session = session(HlsSession.Mode.ON_DEMAND, HlsSession.Container.FRAGMENTED_MP4);
        String playlist = new HlsPlaylists(200_000).mediaPlaylist(session, "T", log, edge, START + 60_000);
        List<FragmentInfo> fragments = log.after(-1, 100);

        assertThat(playlist).startsWith("#EXTM3U").contains("#EXT-X-PLAYLIST-TYPE:VOD").endsWith("#EXT-X-ENDLIST\n")
            .contains("#EXT-X-MAP:URI=\"getMP4InitFragment.mp4?FragmentNumber=" + fragments.get(0).fragmentNumber())
            .contains("#EXT-X-PROGRAM-DATE-TIME:2027-01-15T08:00:00.000Z");
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
    void liveLowLatencyPlaylistListsPartsAndAPreloadHint() {
        HlsSession session = session(HlsSession.Mode.LIVE, HlsSession.Container.FRAGMENTED_MP4);
        long now = log.latest().orElseThrow().serverTimestampMillis() + 1000;
        String playlist = new HlsPlaylists(200_000).mediaPlaylist(session, "T", log, edge, now);

        assertThat(playlist).contains("#EXT-X-SERVER-CONTROL:CAN-BLOCK-RELOAD=YES,PART-HOLD-BACK=0.600")
            .contains("#EXT-X-PART-INF:PART-TARGET=0.200").contains("#EXT-X-PART:DURATION=")
            .contains("#EXT-X-PRELOAD-HINT:TYPE=PART,URI=\"getMP4MediaPart.mp4?MediaSequence=")
            .doesNotContain("#EXT-X-ENDLIST");
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
}
