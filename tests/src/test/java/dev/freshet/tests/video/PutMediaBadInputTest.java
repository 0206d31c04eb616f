package dev.freshet.tests.video;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freshet.tests.harness.Errors;
import dev.freshet.tests.video.support.Ack;
import dev.freshet.tests.video.support.FfProbe;
import dev.freshet.tests.video.support.FrameHashes;
import dev.freshet.tests.video.support.GetMediaSession;
import dev.freshet.tests.video.support.HostileMkv;
import dev.freshet.tests.video.support.Http;
import dev.freshet.tests.video.support.MediaFragment;
import dev.freshet.tests.video.support.MediaSamples;
import dev.freshet.tests.video.support.MediaSamples.Media;
import dev.freshet.tests.video.support.MediaSamples.Sample;
import dev.freshet.tests.video.support.Mkv;
import dev.freshet.tests.video.support.Playback;
import dev.freshet.tests.video.support.RawPutMedia;
import dev.freshet.tests.video.support.VideoServer;
import dev.freshet.tests.video.support.VideoServer.VideoStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.kinesisvideoarchivedmedia.model.Fragment;
import software.amazon.awssdk.services.kinesisvideoarchivedmedia.model.MissingCodecPrivateDataException;

/**
 * Hostile PutMedia bodies through the raw uploader: a cluster cut off by the end of the body, garbage, an
 * element announcing 2^48 bytes, timecodes going backwards (ErrorId 4004), a Tracks element without
 * CodecPrivate, a fragment without its keyframe, an unknown stream and no stream at all. After each the
 * server still answers, the good fragments sent before the defect are listed with their timestamps and
 * still play, and nothing made of the defect is listed. ErrorIds are the ones of the PutMedia reference
 * (4004 timecode lower than the previous one, 4006 not valid MKV, 4001 fragment over the size limit).
 */
class PutMediaBadInputTest {
    private static final Duration RESPONSE_END = Duration.ofSeconds(30);

    @RegisterExtension
    static final VideoServer server = new VideoServer();

    private final Media media = MediaSamples.get(Sample.H264_AAC_NO_BFRAMES);
    private final Mkv mkv = media.mkv();

    @Test
    void aClusterCutOffByTheEndOfTheBodyIsNotListed() {
        VideoStream stream = server.createStream("bad-truncated");
        long start = System.currentTimeMillis() - 60_000;
        byte[] third = mkv.clusterBytes(3);

        upload(stream, start, mkv.head(), mkv.clusterBytes(0), mkv.clusterBytes(1), mkv.clusterBytes(2),
                Arrays.copyOf(third, third.length / 2));

        assertOnlyClustersListed(stream, start, 0, 1, 2);
        assertStillServingAndPlaying(stream);
    }

    @Test
    void garbageAfterAClusterIsAnMkvParseError() {
        VideoStream stream = server.createStream("bad-garbage");
        long start = System.currentTimeMillis() - 60_000;

        List<Ack> acks = upload(stream, start, mkv.head(), mkv.clusterBytes(0), HostileMkv.garbage(4096, 7),
                mkv.clusterBytes(1));

        assertThat(acks).as("an ERROR ack with ErrorId 4006 (not valid MKV)")
                .anyMatch(a -> a.isError() && Integer.valueOf(4006).equals(a.errorId()));
        List<Fragment> listed = server.fragments(stream.name());
        assertThat(listed).extracting(f -> f.producerTimestamp().toEpochMilli()).as("the cluster before the garbage")
                .contains(start + mkv.clusters().get(0).timecodeMillis())
                .isSubsetOf(start + mkv.clusters().get(0).timecodeMillis(), start + mkv.clusters().get(1).timecodeMillis());
        assertStillServingAndPlaying(stream);
    }

    @Test
    void anElementAnnouncingPetabytesIsRefusedAndTheServerCarriesOn() {
        VideoStream stream = server.createStream("bad-giant");
        long start = System.currentTimeMillis() - 60_000;
        Mkv.Cluster second = mkv.clusters().get(1);
        int firstBlock = (int) (second.blocks().get(0).element().offset() - second.offset());
        byte[] validBlocks = Arrays.copyOfRange(mkv.clusterBytes(1), firstBlock, second.length());

        List<Ack> acks = upload(stream, start, mkv.head(), mkv.clusterBytes(0),
                HostileMkv.giantClusterStart(second.timecodeMillis()), validBlocks);

        assertThat(acks).as("an ERROR ack: 4001 (fragment over 50 MB) or 4006 (not valid MKV)")
                .anyMatch(a -> a.isError() && a.errorId() != null && (a.errorId() == 4001 || a.errorId() == 4006));
        assertOnlyClustersListed(stream, start, 0);
        assertStillServingAndPlaying(stream);
    }

    @Test
    void aClusterWhoseTimecodeGoesBackwardsGetsErrorId4004() {
        VideoStream stream = server.createStream("bad-backwards");
        long start = System.currentTimeMillis() - 60_000;
        long backwards = mkv.clusters().get(1).timecodeMillis() - 500;

        List<Ack> acks = upload(stream, start, mkv.head(), mkv.clusterBytes(0), mkv.clusterBytes(1),
                HostileMkv.clusterWithTimecode(mkv, 2, backwards));

        assertThat(acks).as("ERROR ack with ErrorId 4004 (fragment timecode lower than the previous one)")
                .anyMatch(a -> a.isError() && Integer.valueOf(4004).equals(a.errorId()));
        assertOnlyClustersListed(stream, start, 0, 1);
        assertStillServingAndPlaying(stream);
    }

    /**
     * The PutMedia reference says codec private data is not parsed or validated at ingestion; the HLS
     * packaging refuses it later with MissingCodecPrivateDataException.
     */
    @Test
    void missingCodecPrivateIsStoredButHlsRefusesIt() {
        VideoStream stream = server.createStream("bad-no-codec-private");
        long start = System.currentTimeMillis() - 60_000;

        List<Ack> acks = upload(stream, start, HostileMkv.headWithoutVideoCodecPrivate(mkv), mkv.clusterBytes(0),
                mkv.clusterBytes(1));

        assertThat(acks).as("ingest does not validate CodecPrivate").noneMatch(Ack::isError);
        assertOnlyClustersListed(stream, start, 0, 1);
        AwsServiceException e = Errors.serviceError(() -> Playback.hlsOnDemandAround(server, stream.name(), start));
        assertThat(e).as("GetHLSStreamingSessionURL without codec private data").isInstanceOf(
                MissingCodecPrivateDataException.class);
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(Http.get(server.endpoint().resolve("/health")).status()).isEqualTo(200);
    }

    /**
     * A fragment whose keyframe is missing may be refused with an ERROR ack or stored; either way it must
     * not break playback of the good fragments around it.
     */
    @Test
    void aFragmentWithoutItsKeyframeDoesNotBreakPlaybackOfTheOthers() {
        VideoStream stream = server.createStream("bad-no-keyframe");
        long start = System.currentTimeMillis() - 60_000;

        upload(stream, start, mkv.head(), mkv.clusterBytes(0), HostileMkv.clusterWithoutKeyframe(mkv, 1));
        upload(stream, start, mkv.head(), mkv.clusterBytes(2));

        List<Long> listed = server.fragments(stream.name()).stream().map(f -> f.producerTimestamp().toEpochMilli())
                .toList();
        assertThat(listed).as("the good clusters").contains(start + mkv.clusters().get(0).timecodeMillis(),
                start + mkv.clusters().get(2).timecodeMillis());
        List<String> source = media.frameHashes();
        List<String> played = FrameHashes.of(Playback.hlsOnDemandAround(server, stream.name(), start).toString());
        assertThat(played).as("ON_DEMAND playback starts with the first GOP").startsWith(
                source.subList(0, 25).toArray(String[]::new));
        assertThat(played).as("and ends with the third GOP").endsWith(source.subList(50, 75).toArray(String[]::new));
    }

    @Test
    void anUnknownStreamIsResourceNotFound() {
        try (RawPutMedia upload = RawPutMedia.to(server.endpoint()).streamName("no-such-stream-" + System.nanoTime())
                .expectContinue().open()) {
            assertThat(upload.awaitStatus(Duration.ofSeconds(10))).as("PutMedia to an unknown stream").isEqualTo(404);
            assertThat(upload.responseHeader("x-amzn-ErrorType")).startsWith("ResourceNotFoundException");
        }
        try (RawPutMedia upload = RawPutMedia.to(server.endpoint()).streamName("no-such-stream-" + System.nanoTime())
                .open()) {
            upload.send(mkv.head());
            upload.send(mkv.clusterBytes(0));
            upload.finish();
            assertThat(upload.awaitStatus(Duration.ofSeconds(10))).as("PutMedia to an unknown stream, body sent")
                    .isEqualTo(404);
        }
        try (RawPutMedia upload = RawPutMedia.to(server.endpoint()).streamName("no-such-stream-" + System.nanoTime())
                .open()) {
            upload.send(mkv.head());
            assertThat(upload.awaitStatus(Duration.ofSeconds(10))).as("PutMedia to an unknown stream, still sending")
                    .isEqualTo(404);
            assertThat(upload.responseHeader("Connection")).as("the connection closes rather than drain the upload")
                    .isEqualToIgnoringCase("close");
        }
        assertThat(Http.get(server.endpoint().resolve("/health")).status()).isEqualTo(200);
    }

    @Test
    void noStreamNameNorArnIsInvalidArgument() {
        try (RawPutMedia upload = RawPutMedia.to(server.endpoint()).expectContinue().open()) {
            assertThat(upload.awaitStatus(Duration.ofSeconds(10))).isEqualTo(400);
            assertThat(upload.responseHeader("x-amzn-ErrorType")).startsWith("InvalidArgumentException");
        }
    }

    private List<Ack> upload(VideoStream stream, long start, byte[]... pieces) {
        try (RawPutMedia upload = RawPutMedia.to(server.endpoint()).streamName(stream.name()).relative(start).open()) {
            for (byte[] piece : pieces) {
                upload.send(piece);
            }
            upload.finish();
            assertThat(upload.awaitStatus(Duration.ofSeconds(10))).as("PutMedia status (errors come as acks)")
                    .isEqualTo(200);
            return upload.awaitResponseEnd(RESPONSE_END);
        }
    }

    /** Exactly the given clusters are listed, with their producer timestamps. */
    private void assertOnlyClustersListed(VideoStream stream, long start, int... clusters) {
        List<Long> expected = Arrays.stream(clusters).mapToObj(i -> start + mkv.clusters().get(i).timecodeMillis())
                .toList();
        List<Long> listed = server.fragments(stream.name()).stream().map(f -> f.producerTimestamp().toEpochMilli())
                .toList();
        assertThat(listed).as("producer timestamps of the listed fragments").containsExactlyElementsOf(expected);
    }

    /** The server answers, and every listed fragment comes back as a complete GOP that decodes. */
    private void assertStillServingAndPlaying(VideoStream stream) {
        assertThat(Http.get(server.endpoint().resolve("/health")).status()).as("GET /health").isEqualTo(200);
        List<Fragment> listed = server.fragments(stream.name());
        assertThat(listed).as("fragments sent before the defect").isNotEmpty();
        List<MediaFragment> fragments = GetMediaSession.readAll(server.archived(stream.name())
                .getMediaForFragmentList(b -> b.streamName(stream.name())
                        .fragments(listed.stream().map(Fragment::fragmentNumber).toList())));
        assertThat(fragments).extracting(MediaFragment::fragmentNumber)
                .containsExactlyElementsOf(listed.stream().map(Fragment::fragmentNumber).toList());
        for (MediaFragment fragment : fragments) {
            assertThat(FfProbe.probe(fragment.writeTemp()).video().frames()).as("frames of %s", fragment)
                    .isEqualTo(media.fps());
        }
    }
}
