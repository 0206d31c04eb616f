package dev.freshet.tests.video;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freshet.tests.harness.FreshetProcess;
import dev.freshet.tests.video.support.Ack;
import dev.freshet.tests.video.support.FfProbe;
import dev.freshet.tests.video.support.FrameHashes;
import dev.freshet.tests.video.support.GetMediaSession;
import dev.freshet.tests.video.support.MediaFragment;
import dev.freshet.tests.video.support.MediaSamples;
import dev.freshet.tests.video.support.MediaSamples.Media;
import dev.freshet.tests.video.support.MediaSamples.Sample;
import dev.freshet.tests.video.support.Mkv;
import dev.freshet.tests.video.support.Playback;
import dev.freshet.tests.video.support.RawPutMedia;
import dev.freshet.tests.video.support.VideoServer;
import dev.freshet.tests.video.support.VideoServer.VideoStream;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.kinesisvideoarchivedmedia.model.Fragment;

/**
 * Fragments survive the server being killed with SIGKILL: after a restart on the same data directory an
 * archived stream lists the same fragments and plays the same frames, a fragment acknowledged PERSISTED
 * is there, the fragment that was half received when the process died is not listed (and nothing of it
 * plays), and the stream takes new fragments with higher fragment numbers.
 */
class CrashRecoveryTest {
    @RegisterExtension
    static final VideoServer server = new VideoServer();

    @Test
    void persistedFragmentsSurviveKillNineAndAHalfWrittenOneIsNotListed() {
        FreshetProcess process = server.process();
        Media media = MediaSamples.get(Sample.H264_AAC_NO_BFRAMES);
        Mkv mkv = media.mkv();
        VideoStream archived = server.createStream("crash-archived");
        long start = System.currentTimeMillis() - 60_000;
        List<Fragment> before = server.publish(archived.name(), media, start);

        VideoStream interrupted = server.createStream("crash-interrupted");
        long interruptedStart = start + 10_000;
        RawPutMedia upload = RawPutMedia.to(server.endpoint()).streamName(interrupted.name())
                .relative(interruptedStart).open();
        upload.send(mkv.head());
        upload.send(mkv.clusterBytes(0));
        upload.send(mkv.clusterBytes(1));
        byte[] third = mkv.clusterBytes(2);
        upload.send(Arrays.copyOf(third, third.length / 2));
        for (int i = 0; i < 2; i++) {
            long timecode = mkv.clusters().get(i).timecodeMillis();
            upload.awaitAck("PERSISTED for cluster " + i, a -> a.is("PERSISTED")
                    && Long.valueOf(timecode).equals(a.fragmentTimecode()), Duration.ofSeconds(10));
        }
        assertThat(upload.acks()).noneMatch(Ack::isError);

        process.kill9();
        upload.abort();
        process.restart();

        List<Fragment> after = server.fragments(archived.name());
        assertThat(after).extracting(Fragment::fragmentNumber).as("fragments after kill -9 and restart")
                .containsExactlyElementsOf(before.stream().map(Fragment::fragmentNumber).toList());
        assertThat(after).extracting(Fragment::producerTimestamp)
                .containsExactlyElementsOf(before.stream().map(Fragment::producerTimestamp).toList());
        FrameHashes.assertSameFrames("ON_DEMAND HLS after restart",
                FrameHashes.of(Playback.hlsOnDemandAround(server, archived.name(), start).toString()),
                media.frameHashes());

        List<Fragment> survivors = server.fragments(interrupted.name());
        assertThat(survivors).extracting(f -> f.producerTimestamp().toEpochMilli())
                .as("the two PERSISTED fragments, not the half-received third")
                .containsExactly(interruptedStart + mkv.clusters().get(0).timecodeMillis(),
                        interruptedStart + mkv.clusters().get(1).timecodeMillis());
        List<MediaFragment> media2 = GetMediaSession.readAll(server.archived(interrupted.name())
                .getMediaForFragmentList(b -> b.streamName(interrupted.name())
                        .fragments(survivors.stream().map(Fragment::fragmentNumber).toList())));
        for (MediaFragment fragment : media2) {
            assertThat(FfProbe.probe(fragment.writeTemp()).video().frames()).as("frames of %s", fragment)
                    .isEqualTo(media.fps());
        }

        try (RawPutMedia resumed = RawPutMedia.to(server.endpoint()).streamName(interrupted.name())
                .relative(interruptedStart).open()) {
            resumed.send(mkv.head());
            for (int i = 2; i < mkv.clusters().size(); i++) {
                resumed.send(mkv.clusterBytes(i));
            }
            resumed.finish();
            assertThat(resumed.awaitResponseEnd(Duration.ofSeconds(30))).noneMatch(Ack::isError);
        }
        List<Fragment> all = server.awaitFragments(interrupted.name(), mkv.clusters().size(), Duration.ofSeconds(10));
        BigInteger lastBeforeCrash = new BigInteger(survivors.get(1).fragmentNumber());
        assertThat(all.subList(2, all.size())).extracting(f -> new BigInteger(f.fragmentNumber()))
                .as("fragment numbers after the restart").allSatisfy(n -> assertThat(n).isGreaterThan(lastBeforeCrash));
    }
}
