package dev.freshet.tests.video;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freshet.tests.video.support.Ack;
import dev.freshet.tests.video.support.FfmpegPublisher;
import dev.freshet.tests.video.support.FfProbe;
import dev.freshet.tests.video.support.FragmentAssertions;
import dev.freshet.tests.video.support.GetMediaSession;
import dev.freshet.tests.video.support.MediaFragment;
import dev.freshet.tests.video.support.MediaSamples;
import dev.freshet.tests.video.support.MediaSamples.Media;
import dev.freshet.tests.video.support.MediaSamples.Sample;
import dev.freshet.tests.video.support.Mkv;
import dev.freshet.tests.video.support.RawPutMedia;
import dev.freshet.tests.video.support.VideoServer;
import dev.freshet.tests.video.support.VideoServer.VideoStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.kinesisvideoarchivedmedia.model.Fragment;

/**
 * PutMedia ingest: ffmpeg publishing a Matroska file over one chunked POST (RELATIVE and ABSOLUTE
 * timecodes, paced and as fast as it can, never reading the acknowledgements), and a raw uploader that
 * reads the acknowledgements: BUFFERING, RECEIVED and PERSISTED per fragment, in order, while the
 * upload is still open. ListFragments must show one fragment per cluster with the right producer
 * timestamps, durations and sizes.
 */
class PutMediaTest {
    private static final Duration ACK_WAIT = Duration.ofSeconds(10);

    @RegisterExtension
    static final VideoServer server = new VideoServer();

    @Test
    void ffmpegWithRelativeTimecodesMakesOneFragmentPerCluster() {
        Media media = MediaSamples.get(Sample.H264_AAC);
        VideoStream stream = server.createStream("put-relative");
        long start = System.currentTimeMillis() - 60_000;

        publishAndCheck(media, stream, start, FfmpegPublisher.publish(media.file()).streamName(stream.name())
                .relative(start).readRate(4));
    }

    @Test
    void ffmpegWithAbsoluteTimecodesUsesTheClusterTimecodesAsProducerTimestamps() {
        Media media = MediaSamples.get(Sample.H264_AAC_NO_BFRAMES);
        VideoStream stream = server.createStream("put-absolute");
        long offset = System.currentTimeMillis() - 3_600_000;
        long unrelatedHeaderStart = System.currentTimeMillis();

        publishAndCheck(media, stream, offset, FfmpegPublisher.publish(media.file()).streamArn(stream.arn())
                .absolute(offset, unrelatedHeaderStart).readRate(4));
    }

    /**
     * ffmpeg writes as fast as the socket takes it, never reads the response and closes right after the
     * last chunk. When acknowledgements sit unread in its socket, Linux turns that close into a reset
     * that drops whatever ffmpeg had not yet sent: a server that streams acks to ffmpeg loses the last
     * cluster (seen on every try, paced or not, against a stand-in server), one that answers only once the
     * body has ended gets everything. Ingest must also not stall on acks nobody reads.
     */
    @Test
    void ffmpegPublishingAsFastAsItCanWithoutReadingAcksIsIngestedCompletely() {
        Media media = MediaSamples.get(Sample.LIVE_H264_AAC);
        VideoStream stream = server.createStream("put-fast");
        long start = System.currentTimeMillis() - 120_000;

        List<Fragment> fragments = publishAndCheck(media, stream, start, FfmpegPublisher.publish(media.file())
                .streamName(stream.name()).relative(start).readRate(0));
        Fragment last = fragments.get(fragments.size() - 1);
        List<MediaFragment> lastMedia = GetMediaSession.readAll(server.archived(stream.name())
                .getMediaForFragmentList(b -> b.streamName(stream.name()).fragments(last.fragmentNumber())));
        assertThat(lastMedia).hasSize(1);
        Mkv.Cluster sent = media.clusters().get(media.clusters().size() - 1);
        assertThat(FfProbe.probe(lastMedia.get(0).writeTemp()).video().frames())
                .as("frames of the last fragment, sent just before ffmpeg closed the connection")
                .isEqualTo(sent.videoFrames(media.videoTrack()));
    }

    @Test
    void rawUploaderGetsBufferingReceivedPersistedForEveryFragmentInOrder() {
        Media media = MediaSamples.get(Sample.H264_AAC);
        VideoStream stream = server.createStream("put-acks");
        long start = System.currentTimeMillis() - 60_000;
        Mkv mkv = media.mkv();
        int clusters = mkv.clusters().size();

        Instant sentFrom = Instant.now();
        try (RawPutMedia upload = RawPutMedia.to(server.endpoint()).streamArn(stream.arn()).relative(start)
                .expectContinue().open()) {
            assertThat(upload.continued()).as("100 Continue before the body (Expect: 100-continue honoured)").isTrue();
            assertThat(upload.send(mkv.head())).isTrue();
            assertThat(upload.send(mkv.clusterBytes(0))).isTrue();
            assertThat(upload.send(mkv.clusterBytes(1))).isTrue();
            assertThat(upload.awaitStatus(ACK_WAIT)).as("PutMedia status").isEqualTo(200);
            Ack first = upload.awaitAck("PERSISTED for the first fragment while the request is still open",
                    a -> a.is("PERSISTED") && Long.valueOf(mkv.clusters().get(0).timecodeMillis())
                            .equals(a.fragmentTimecode()), ACK_WAIT);
            assertThat(upload.responseEnded()).isFalse();
            for (int i = 2; i < clusters; i++) {
                assertThat(upload.send(mkv.clusterBytes(i))).as("cluster %d sent", i).isTrue();
            }
            assertThat(upload.finish()).isTrue();
            List<Ack> acks = upload.awaitResponseEnd(Duration.ofSeconds(30));
            Instant sentTo = Instant.now();

            assertThat(acks).as("no ERROR acks").noneMatch(Ack::isError);
            List<Fragment> fragments = server.awaitFragments(stream.name(), clusters, Duration.ofSeconds(10));
            FragmentAssertions.assertOneFragmentPerCluster(fragments, media, start, sentFrom, sentTo);
            assertThat(first.fragmentNumber()).isEqualTo(fragments.get(0).fragmentNumber());
            assertAcksInOrder(acks, mkv, fragments);
        }
    }

    /** Runs the ffmpeg publication to its end, then checks ListFragments against the sample's clusters. */
    private static List<Fragment> publishAndCheck(Media media, VideoStream stream, long baseMillis,
                                                  FfmpegPublisher.Builder publication) {
        Instant sentFrom = Instant.now();
        try (FfmpegPublisher ffmpeg = publication.start(server.endpoint())) {
            ffmpeg.awaitSuccess(Duration.ofSeconds(60));
        }
        Instant sentTo = Instant.now();
        List<Fragment> fragments = server.awaitFragments(stream.name(), media.clusters().size(), Duration.ofSeconds(20));
        FragmentAssertions.assertOneFragmentPerCluster(fragments, media, baseMillis, sentFrom, sentTo);
        return fragments;
    }

    /**
     * For each cluster, in cluster order: (first) BUFFERING, then RECEIVED, then PERSISTED, all naming the
     * same fragment; RECEIVED and PERSISTED once per fragment (the reference allows repeated BUFFERING).
     */
    private static void assertAcksInOrder(List<Ack> acks, Mkv mkv, List<Fragment> fragments) {
        List<Ack> fragmentAcks = acks.stream().filter(a -> !a.is("IDLE")).toList();
        String all = fragmentAcks.stream().map(Ack::line).collect(Collectors.joining("\n"));
        int previousBuffering = -1;
        for (int i = 0; i < mkv.clusters().size(); i++) {
            long timecode = mkv.clusters().get(i).timecodeMillis();
            String number = fragments.get(i).fragmentNumber();
            int buffering = indexOf(fragmentAcks, "BUFFERING", timecode);
            int received = indexOf(fragmentAcks, "RECEIVED", timecode);
            int persisted = indexOf(fragmentAcks, "PERSISTED", timecode);
            assertThat(List.of(buffering, received, persisted))
                    .as("acks for the cluster at %d ms: BUFFERING < RECEIVED < PERSISTED\n%s",
                            timecode, all)
                    .doesNotContain(-1).isSorted().doesNotHaveDuplicates();
            assertThat(buffering).as("BUFFERING of cluster %d after that of cluster %d\n%s", i, i - 1, all)
                    .isGreaterThan(previousBuffering);
            previousBuffering = buffering;
            for (int index : List.of(buffering, received, persisted)) {
                assertThat(fragmentAcks.get(index).fragmentNumber()).as("FragmentNumber in %s",
                        fragmentAcks.get(index).line()).isEqualTo(number);
            }
        }
        assertThat(fragmentAcks).extracting(Ack::eventType).as("only BUFFERING/RECEIVED/PERSISTED acks\n%s", all)
                .containsOnly("BUFFERING", "RECEIVED", "PERSISTED");
        for (String once : List.of("RECEIVED", "PERSISTED")) {
            assertThat(fragmentAcks).filteredOn(a -> a.is(once)).as("%s acks, one per fragment\n%s", once, all)
                    .hasSize(mkv.clusters().size());
        }
    }

    private static int indexOf(List<Ack> acks, String type, long timecode) {
        for (int i = 0; i < acks.size(); i++) {
            if (acks.get(i).is(type) && Long.valueOf(timecode).equals(acks.get(i).fragmentTimecode())) {
                return i;
            }
        }
        return -1;
    }
}
