package dev.freshet.fragments.hls;

import dev.freshet.fragments.store.FragmentInfo;
import dev.freshet.fragments.store.TimestampKind;
import dev.freshet.fragments.testmedia.MediaProbe;
import dev.freshet.fragments.testmedia.MkvSamples;
import dev.freshet.fragments.testmedia.StoredStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Master playlists of uploaded ffmpeg media, their CODECS and RESOLUTION checked against ffprobe. */
class MasterPlaylistTest {

    static final long START = 1_800_000_000_000L;

    @TempDir
    Path dir;

    private final HlsPlaylists playlists = new HlsPlaylists(StoredStream.PART_TARGET_MICROS);

    @Test
    void describesTheVariantAsFfprobeDescribesTheSource() {
        Path source = MkvSamples.h264Aac();
        try (StoredStream stream = StoredStream.upload(dir, source, START)) {
            String master = playlists.masterPlaylist(session(HlsSession.Container.FRAGMENTED_MP4), "T", stream.log(),
                START + 60_000);
            MediaProbe.StreamInfo video = MediaProbe.streamInfo(source, "v:0");
            String codecs = MediaProbe.codecString(source, "v:0") + "," + MediaProbe.codecString(source, "a:0");
            long peak = stream.log().after(-1, 100).stream().mapToLong(f -> f.sizeBytes() * 8000 / f.durationMillis())
                .max().orElseThrow();

            assertThat(master).isEqualTo("#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-INDEPENDENT-SEGMENTS\n"
                + "#EXT-X-STREAM-INF:BANDWIDTH=" + peak + ",CODECS=\"" + codecs + "\""
                + ",RESOLUTION=" + video.field("width") + "x" + video.field("height") + "\n"
                + "getHLSMediaPlaylist.m3u8?SessionToken=T\n");
            assertThat(codecs).matches("avc1\\.[0-9a-f]{6},mp4a\\.40\\.2");
        }
    }

    @Test
    void mpegTsVariantsListOnlyTheTracksMpegTsCarries() {
        Path source = MkvSamples.h264Opus();
        try (StoredStream stream = StoredStream.upload(dir, source, START)) {
            String avc1 = MediaProbe.codecString(source, "v:0");
            assertThat(MediaProbe.codecString(source, "a:0")).isEqualTo("opus");

            assertThat(playlists.masterPlaylist(session(HlsSession.Container.MPEG_TS), "T", stream.log(),
                START + 60_000)).contains(",CODECS=\"" + avc1 + "\",RESOLUTION=320x240\n");
            assertThat(playlists.masterPlaylist(session(HlsSession.Container.FRAGMENTED_MP4), "T", stream.log(),
                START + 60_000)).contains(",CODECS=\"" + avc1 + ",opus\",RESOLUTION=320x240\n");
        }
    }

    @Test
    void aSessionWithoutFragmentsHasNoMasterPlaylist() {
        try (StoredStream stream = StoredStream.upload(dir, MkvSamples.h264Aac(), START)) {
            HlsSession before = new HlsSession("cam", "camera", HlsSession.Mode.ON_DEMAND,
                HlsSession.Container.FRAGMENTED_MP4, TimestampKind.PRODUCER, START - 60_000, START - 1,
                HlsSession.Discontinuity.NEVER, false, 1000, START, START + 300_000);
            FragmentInfo newest = stream.log().latest().orElseThrow();
            HlsSession live = new HlsSession("cam", "camera", HlsSession.Mode.LIVE, HlsSession.Container.FRAGMENTED_MP4,
                TimestampKind.SERVER, Long.MIN_VALUE, Long.MAX_VALUE, HlsSession.Discontinuity.NEVER, false, 5, START,
                START + 300_000);
            long stale = newest.serverTimestampMillis() + HlsPlaylists.LIVE_FRESHNESS_MILLIS + 1;

            for (Runnable request : List.<Runnable>of(() -> playlists.masterPlaylist(before, "T", stream.log(), START),
                () -> playlists.masterPlaylist(live, "T", stream.log(), stale))) {
                assertThatThrownBy(request::run).isInstanceOfSatisfying(PlaybackException.class,
                    e -> assertThat(e.reason()).isEqualTo(PlaybackException.Reason.NO_FRAGMENTS));
            }
        }
    }

    private static HlsSession session(HlsSession.Container container) {
        return new HlsSession("cam", "camera", HlsSession.Mode.ON_DEMAND, container, TimestampKind.PRODUCER,
            Long.MIN_VALUE, Long.MAX_VALUE, HlsSession.Discontinuity.NEVER, false, 1000, START, START + 300_000);
    }
}
