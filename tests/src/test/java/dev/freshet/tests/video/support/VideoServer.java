package dev.freshet.tests.video.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.freshet.tests.harness.FreshetProcess;
import dev.freshet.tests.harness.FreshetServer;
import dev.freshet.tests.harness.Streams;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.services.kinesisvideo.KinesisVideoClient;
import software.amazon.awssdk.services.kinesisvideo.model.APIName;
import software.amazon.awssdk.services.kinesisvideo.model.Status;
import software.amazon.awssdk.services.kinesisvideoarchivedmedia.KinesisVideoArchivedMediaClient;
import software.amazon.awssdk.services.kinesisvideoarchivedmedia.model.Fragment;
import software.amazon.awssdk.services.kinesisvideoarchivedmedia.model.ListFragmentsResponse;
import software.amazon.awssdk.services.kinesisvideomedia.KinesisVideoMediaClient;

/**
 * JUnit 5 extension for the video tests: one Freshet process per test class (through
 * {@link FreshetServer}, same flags and same {@code -Dfreshet.endpoint} behaviour) plus the Kinesis Video
 * clients and the small steps every scenario needs: create a stream and wait for ACTIVE, find the data
 * endpoint, list every fragment. Register as
 * {@code @RegisterExtension static final VideoServer server = new VideoServer();}.
 *
 * <p>Not thread-safe for the life cycle; the clients and helpers are thread-safe.
 */
public final class VideoServer implements BeforeAllCallback, AfterAllCallback {
    private final FreshetServer server;
    private final Map<URI, KinesisVideoArchivedMediaClient> archived = new ConcurrentHashMap<>();
    private final Map<URI, KinesisVideoMediaClient> media = new ConcurrentHashMap<>();
    private volatile KinesisVideoClient control;

    public VideoServer(String... flags) {
        this.server = new FreshetServer(flags);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server.beforeAll(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        archived.values().forEach(KinesisVideoArchivedMediaClient::close);
        media.values().forEach(KinesisVideoMediaClient::close);
        archived.clear();
        media.clear();
        if (control != null) {
            control.close();
            control = null;
        }
        server.afterAll(context);
    }

    public URI endpoint() {
        return server.endpoint();
    }

    /** The server process, for kill/restart; skipped when the suite runs against {@code -Dfreshet.endpoint}. */
    public FreshetProcess process() {
        return server.process();
    }

    public KinesisVideoClient control() {
        if (control == null) {
            synchronized (this) {
                if (control == null) {
                    control = VideoClients.control(endpoint());
                }
            }
        }
        return control;
    }

    /** A new stream (24 h retention) in state ACTIVE. */
    public VideoStream createStream(String prefix) {
        return createStream(prefix, 24);
    }

    /** A new stream with the given retention (0: nothing is archived) in state ACTIVE. */
    public VideoStream createStream(String prefix, int retentionHours) {
        String name = Streams.uniqueName(prefix);
        String arn = control().createStream(b -> b.streamName(name).dataRetentionInHours(retentionHours)
                .mediaType("video/h264")).streamARN();
        await("video stream " + name + " ACTIVE").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(25))
                .until(() -> control().describeStream(b -> b.streamName(name)).streamInfo().status()
                        == Status.ACTIVE);
        return new VideoStream(name, arn);
    }

    /** GetDataEndpoint for the operation; Freshet answers with its own base URL. */
    public URI dataEndpoint(String streamName, APIName api) {
        String endpoint = control().getDataEndpoint(b -> b.streamName(streamName).apiName(api)).dataEndpoint();
        assertThat(endpoint).as("GetDataEndpoint(%s)", api).isNotBlank();
        return URI.create(endpoint);
    }

    /** The archived-media client at the stream's LIST_FRAGMENTS data endpoint. */
    public KinesisVideoArchivedMediaClient archived(String streamName) {
        return archived(streamName, APIName.LIST_FRAGMENTS);
    }

    public KinesisVideoArchivedMediaClient archived(String streamName, APIName api) {
        return archived.computeIfAbsent(dataEndpoint(streamName, api), VideoClients::archived);
    }

    /** The media client at the stream's GET_MEDIA data endpoint. */
    public KinesisVideoMediaClient media(String streamName) {
        return media.computeIfAbsent(dataEndpoint(streamName, APIName.GET_MEDIA), VideoClients::media);
    }

    /** Every fragment of the stream (all ListFragments pages), in fragment-number order. */
    public List<Fragment> fragments(String streamName) {
        KinesisVideoArchivedMediaClient client = archived(streamName);
        List<Fragment> all = new ArrayList<>();
        ListFragmentsResponse page = client.listFragments(b -> b.streamName(streamName).maxResults(1000L));
        all.addAll(page.fragments());
        while (page.nextToken() != null) {
            String token = page.nextToken();
            page = client.listFragments(b -> b.streamName(streamName).nextToken(token));
            all.addAll(page.fragments());
        }
        all.sort(Comparator.comparing(f -> new BigInteger(f.fragmentNumber())));
        return all;
    }

    /** Waits until the stream lists {@code count} fragments, then returns them (failing on more). */
    public List<Fragment> awaitFragments(String streamName, int count, Duration atMost) {
        awaitAtLeast(streamName, count, atMost);
        List<Fragment> fragments = fragments(streamName);
        assertThat(fragments).as("fragments of %s", streamName).hasSize(count);
        return fragments;
    }

    /** Waits until the stream lists at least {@code count} fragments (a live stream keeps growing). */
    public List<Fragment> awaitAtLeast(String streamName, int count, Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                assertThat(fragments(streamName)).extracting(f -> f.producerTimestamp().toEpochMilli())
                        .as("producer timestamps of the fragments listed on %s (waiting for %d)", streamName, count)
                        .hasSizeGreaterThanOrEqualTo(count));
        return fragments(streamName);
    }

    /**
     * Publishes a sample with ffmpeg (RELATIVE timecodes from {@code producerStartMillis}, 4× real time so
     * fragments arrive about 250 ms apart), waits for ffmpeg to finish and for one fragment per cluster.
     */
    public List<Fragment> publish(String streamName, MediaSamples.Media media, long producerStartMillis) {
        try (FfmpegPublisher publisher = FfmpegPublisher.publish(media.file()).streamName(streamName)
                .relative(producerStartMillis).readRate(4).start(endpoint())) {
            publisher.awaitSuccess(Duration.ofSeconds(60));
        }
        return awaitFragments(streamName, media.clusters().size(), Duration.ofSeconds(20));
    }

    /** A created stream: its name and ARN. */
    public record VideoStream(String name, String arn) {
    }
}
