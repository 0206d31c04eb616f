package dev.freshet.tests.video;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freshet.tests.video.support.FfProbe;
import dev.freshet.tests.video.support.GetMediaSession;
import dev.freshet.tests.video.support.MediaFragment;
import dev.freshet.tests.video.support.MediaSamples;
import dev.freshet.tests.video.support.MediaSamples.Media;
import dev.freshet.tests.video.support.MediaSamples.Sample;
import dev.freshet.tests.video.support.VideoServer;
import dev.freshet.tests.video.support.VideoServer.VideoStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.kinesisvideo.model.APIName;
import software.amazon.awssdk.services.kinesisvideoarchivedmedia.model.Fragment;

/**
 * GetMediaForFragmentList through the SDK: the named fragments come back, in the order asked, as
 * Matroska with the same tags as GetMedia and the very frames that were sent; the stream ends after the
 * last one. Also: H.264 + Opus media survives storage (the track keeps its codec).
 */
class GetMediaForFragmentListTest {
    @RegisterExtension
    static final VideoServer server = new VideoServer();

    @Test
    void theNamedFragmentsComeBackAsTheyWereSent() {
        Media media = MediaSamples.get(Sample.H264_AAC);
        VideoStream stream = server.createStream("fragment-list");
        List<Fragment> fragments = server.publish(stream.name(), media, System.currentTimeMillis() - 60_000);
        List<String> asked = List.of(fragments.get(4).fragmentNumber(), fragments.get(1).fragmentNumber(),
                fragments.get(2).fragmentNumber());

        List<MediaFragment> got = GetMediaSession.readAll(server.archived(stream.name(),
                APIName.GET_MEDIA_FOR_FRAGMENT_LIST).getMediaForFragmentList(b -> b.streamName(stream.name())
                .fragments(asked)));

        assertThat(got).extracting(MediaFragment::fragmentNumber).as("fragments in the order asked")
                .containsExactlyElementsOf(asked);
        for (MediaFragment fragment : got) {
            int index = indexOf(fragments, fragment.fragmentNumber());
            Fragment listed = fragments.get(index);
            assertThat(fragment.timestampMillis(MediaFragment.PRODUCER_TIMESTAMP))
                    .isEqualTo(listed.producerTimestamp().toEpochMilli());
            assertThat(fragment.timestampMillis(MediaFragment.SERVER_TIMESTAMP))
                    .isEqualTo(listed.serverTimestamp().toEpochMilli());
            assertThat(fragment.mkv().clusters()).hasSize(1);
            assertThat(fragment.mkv().clusters().get(0).frameSizesPerTrack()).as("frames of %s", fragment)
                    .isEqualTo(media.clusters().get(index).frameSizesPerTrack());
            FfProbe.Probe probe = FfProbe.probe(fragment.writeTemp());
            assertThat(probe.video().codecName()).isEqualTo("h264");
            assertThat(probe.video().frames()).isEqualTo(media.fps());
        }
    }

    @Test
    void opusAudioKeepsItsCodec() {
        Media media = MediaSamples.get(Sample.H264_OPUS);
        VideoStream stream = server.createStream("fragment-list-opus");
        List<Fragment> fragments = server.publish(stream.name(), media, System.currentTimeMillis() - 60_000);

        List<MediaFragment> got = GetMediaSession.readAll(server.archived(stream.name())
                .getMediaForFragmentList(b -> b.streamName(stream.name())
                        .fragments(fragments.stream().map(Fragment::fragmentNumber).toList())));

        assertThat(got).hasSameSizeAs(fragments);
        assertThat(got.get(2).mkv().tracks()).extracting(t -> t.codecId())
                .containsExactly("V_MPEG4/ISO/AVC", "A_OPUS");
        FfProbe.Probe probe = FfProbe.probe(got.get(2).writeTemp());
        assertThat(probe.audio()).hasValueSatisfying(a -> assertThat(a.codecName()).isEqualTo("opus"));
        assertThat(probe.video().frames()).isEqualTo(media.fps());
    }

    private static int indexOf(List<Fragment> fragments, String number) {
        for (int i = 0; i < fragments.size(); i++) {
            if (fragments.get(i).fragmentNumber().equals(number)) {
                return i;
            }
        }
        throw new AssertionError("fragment " + number + " was not listed");
    }
}
