package dev.freshet.tests.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.freshet.tests.video.support.Http;
import dev.freshet.tests.video.support.M3u8;
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
import software.amazon.awssdk.services.kinesisvideoarchivedmedia.model.HLSFragmentSelectorType;
import software.amazon.awssdk.services.kinesisvideoarchivedmedia.model.HLSPlaybackMode;

/**
 * A session URL stops working when its {@code Expires} seconds have passed: the master playlist, the
 * media playlist and a segment answer 200 before and 401/403 after. The documented minimum of Expires is
 * 300 s, so this server is started with {@code --playback-session-min-expires-seconds 1} (like
 * {@code --shard-iterator-ttl-millis} for Kinesis iterators) and the session asks for 2 s.
 */
class HlsSessionExpiryTest {
    @RegisterExtension
    static final VideoServer server = new VideoServer("--playback-session-min-expires-seconds", "1");

    @Test
    void aSessionUrlStopsWorkingWhenItExpires() {
        Media media = MediaSamples.get(Sample.H264_AAC_NO_BFRAMES);
        VideoStream stream = server.createStream("hls-expiry");
        long start = System.currentTimeMillis() - 60_000;
        server.publish(stream.name(), media, start);

        Instant issued = Instant.now();
        URI master = Playback.hls(server, stream.name(), b -> b.playbackMode(HLSPlaybackMode.ON_DEMAND).expires(2)
                .hlsFragmentSelector(s -> s.fragmentSelectorType(HLSFragmentSelectorType.PRODUCER_TIMESTAMP)
                        .timestampRange(r -> r.startTimestamp(Instant.ofEpochMilli(start - 1000))
                                .endTimestamp(Instant.ofEpochMilli(start + 60_000)))));
        M3u8 mediaPlaylist = M3u8.fetch(M3u8.fetch(master).variants().get(0));
        List<URI> resources = List.of(master, mediaPlaylist.uri(), mediaPlaylist.segments().get(0).uri());
        resources.forEach(uri -> assertThat(Http.get(uri).status()).as("GET %s before expiry", uri).isEqualTo(200));

        await("the session expires").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250))
                .until(() -> Http.get(master).status() != 200);
        assertThat(Duration.between(issued, Instant.now())).as("not before its 2 s").isGreaterThanOrEqualTo(
                Duration.ofMillis(1500));
        resources.forEach(uri -> assertThat(Http.get(uri).status()).as("GET %s after expiry", uri).isIn(401, 403));
    }
}
