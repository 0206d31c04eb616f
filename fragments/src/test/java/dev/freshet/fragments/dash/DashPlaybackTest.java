package dev.freshet.fragments.dash;

import dev.freshet.datastreams.tokens.SealedTokens;
import dev.freshet.fragments.hls.HlsSession;
import dev.freshet.fragments.hls.HlsUris;
import dev.freshet.fragments.store.TimestampKind;
import dev.freshet.fragments.testmedia.MediaProbe;
import dev.freshet.fragments.testmedia.MkvSamples;
import dev.freshet.fragments.testmedia.StoredStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ffmpeg plays an uploaded stream through its DASH manifest, the manifest and segments served over
 * loopback HTTP as the web layer serves them.
 */
class DashPlaybackTest {

    static final long START = 1_800_000_000_000L;
    private static final int TRACKS = 2;

    @TempDir
    Path dir;
    Path source;
    StoredStream stream;
    DashTokens tokens = new DashTokens(new SealedTokens(SealedTokens.newKey()));
    LoopbackDashServer server;
    String manifest;

    @BeforeEach
    void serve() {
        source = MkvSamples.h264Aac();
        stream = StoredStream.upload(dir, source, START);
        server = new LoopbackDashServer(stream.log(), START, tokens, START + 60_000);
        manifest = server.manifestUrl(tokens.issue(new DashSession("cam", "camera", HlsSession.Mode.ON_DEMAND,
            TimestampKind.PRODUCER, Long.MIN_VALUE, Long.MAX_VALUE, true, true, 1000, START, START + 300_000)));
    }

    @AfterEach
    void close() {
        server.close();
        stream.close();
    }

    @Test
    void onDemandManifestPlaysTheSourceFrameForFrame() {
        assertThat(MediaProbe.decodedVideoMd5(manifest)).hasSize(100).isEqualTo(MediaProbe.decodedVideoMd5(source));
        assertThat(MediaProbe.packetMd5(manifest, "a:0")).isEqualTo(MediaProbe.packetMd5(source, "a:0"));
        assertThat(MediaProbe.presentedSeconds(manifest, "v:0")).isEqualTo(MediaProbe.presentedSeconds(source, "v:0"));
    }

    @Test
    void aPlayerFetchesEachTracksInitOnceAndEachSegmentOnce() {
        assertThat(MediaProbe.streamField(manifest, "codec_name", true)).containsExactly("h264", "aac");

        assertThat(server.requests(DashUris.MANIFEST)).isEqualTo(1);
        assertThat(server.requests(HlsUris.INIT)).isEqualTo(TRACKS);
        assertThat(server.requests(HlsUris.MP4_FRAGMENT)).isEqualTo(TRACKS * stream.log().after(-1, 100).size());
    }
}
