package dev.freshet.fragments.mkv;

import dev.freshet.fragments.media.Codec;
import dev.freshet.fragments.media.Frame;
import dev.freshet.fragments.media.Track;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MkvWriterTest {

    static final List<Track> TRACKS = List.of(
        Track.video(1, Codec.H264, new byte[] {1, 0x64, 0, 0x15}, 320, 240),
        Track.audio(2, Codec.AAC, new byte[] {0x12, 0x08}, 44100, 1));
    static final long T0 = 1_700_000_000_000_000L;

    static List<Frame> frames(int count) {
        List<Frame> frames = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            frames.add(new Frame(1, T0 + i * 40_000L, 0, i % 25 == 0, payload(i, 100 + i)));
            frames.add(new Frame(2, T0 + i * 40_000L + 3_000, 0, true, payload(i, 20)));
        }
        return frames;
    }

    static byte[] payload(int seed, int length) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (seed * 31 + i);
        }
        return b;
    }

    @Test
    void writesTheEbmlHeaderExactly() {
        EbmlWriter w = new EbmlWriter(64);
        MkvWriter.writeEbmlHeader(w);
        assertThat(Ebml.hex(w.toByteArray())).isEqualTo("1a45dfa3" + "10000023"
            + "428681" + "01" + "42f781" + "01" + "42f281" + "04" + "42f381" + "08"
            + "428288" + "6d6174726f736b61" + "428781" + "04" + "428581" + "02");
    }

    @Test
    void whatItWritesParsesBackToTheSameTracksAndFrames() {
        List<Frame> frames = frames(50);
        List<MkvSimpleTag> tags = List.of(new MkvSimpleTag("AWS_KINESISVIDEO_FRAGMENT_NUMBER", "9134385233318143"),
            new MkvSimpleTag("AWS_KINESISVIDEO_PRODUCER_TIMESTAMP", "1700000000.000"));

        byte[] out = MkvWriter.fragment(TRACKS, frames, tags);
        RecordingListener l = RecordingListener.parseByteByByte(out);

        assertThat(l.tracks.get(0).tracks()).isEqualTo(TRACKS);
        assertThat(l.infos.get(0)).isEqualTo(new MkvInfo(1_000_000, "Freshet", "Freshet"));
        assertThat(l.clusters).hasSize(1);
        assertThat(l.tags).containsExactly(tags);
        List<Frame> back = ClusterFrames.toFrames(l.clusters.get(0), l.tracks.get(0), 0);
        assertSameFrames(back, frames);
    }

    @Test
    void fragmentsConcatenateIntoOneStream() {
        List<Frame> frames = frames(10);
        byte[] one = MkvWriter.fragment(TRACKS, frames.subList(0, 10), List.of(new MkvSimpleTag("N", "1")));
        byte[] two = MkvWriter.fragment(TRACKS, frames.subList(10, 20), List.of(new MkvSimpleTag("N", "2")));
        RecordingListener l = RecordingListener.parse(Ebml.cat(one, two));
        assertThat(l.clusters).hasSize(2);
        assertThat(l.kinds()).containsExactly(
            "ebml", "segment", "info", "tracks", "cluster-start", "cluster", "tags", "segment-end",
            "ebml", "segment", "info", "tracks", "cluster-start", "cluster", "tags", "segment-end");
    }

    @Test
    void framesSpanningMoreThan32SecondsGoIntoSeveralClusters() {
        List<Frame> frames = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            frames.add(new Frame(1, T0 + i * 1_000_000L, 0, i % 10 == 0, payload(i, 5)));
        }
        RecordingListener l = RecordingListener.parse(MkvWriter.fragment(TRACKS, frames, List.of()));
        assertThat(l.clusters).extracting(MkvCluster::timecode)
            .containsExactly(T0 / 1000, T0 / 1000 + 33_000, T0 / 1000 + 66_000, T0 / 1000 + 99_000);
        List<Frame> back = new ArrayList<>();
        l.clusters.forEach(c -> back.addAll(ClusterFrames.toFrames(c, l.tracks.get(0), 0)));
        assertSameFrames(back, frames);
    }

    @Test
    void timesTheClusterFromItsEarliestFrame() {
        List<Frame> bFrames = List.of(new Frame(1, T0 + 80_000, 0, true, payload(0, 3)),
            new Frame(1, T0, 0, false, payload(1, 3)));
        RecordingListener l = RecordingListener.parse(MkvWriter.fragment(TRACKS, bFrames, List.of()));
        assertThat(l.clusters.get(0).timecode()).isEqualTo(T0 / 1000);
        assertThat(l.clusters.get(0).blocks()).extracting(MkvBlock::relativeTimecode)
            .containsExactly((short) 80, (short) 0);
    }

    @Test
    void presizesItsBufferForTheWholeFragment() {
        List<Frame> frames = frames(50);
        List<MkvSimpleTag> tags = List.of(new MkvSimpleTag("AWS_KINESISVIDEO_FRAGMENT_NUMBER", "1"));
        EbmlWriter w = new EbmlWriter(0);
        MkvWriter.writeFragment(w, TRACKS, frames, tags);
        assertThat(MkvWriter.estimateSize(TRACKS, frames, tags)).isGreaterThanOrEqualTo(w.length());
    }

    static void assertSameFrames(List<Frame> actual, List<Frame> expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            Frame a = actual.get(i);
            Frame e = expected.get(i);
            assertThat(a.track()).isEqualTo(e.track());
            assertThat(a.timestampMicros()).as("frame %d", i).isEqualTo(e.timestampMicros());
            assertThat(a.keyframe()).isEqualTo(e.keyframe());
            assertThat(a.data()).isEqualTo(e.data());
        }
    }
}
