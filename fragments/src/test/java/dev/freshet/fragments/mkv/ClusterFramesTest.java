package dev.freshet.fragments.mkv;

import dev.freshet.fragments.media.Frame;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClusterFramesTest {

    static final MkvTracks TRACKS = new MkvTracks(List.of(
        new MkvTrackEntry(1, 1, "V_MPEG4/ISO/AVC", new byte[0], 320, 240, 0, 0, "", 40_000_000),
        new MkvTrackEntry(2, 2, "A_AAC", new byte[0], 0, 0, 48000, 2, "", 0)));

    static MkvBlock block(int track, int relative, boolean key, OptionalLong duration, int frames) {
        return new MkvBlock(track, (short) relative, key, duration,
            java.util.Collections.nCopies(frames, new byte[] {(byte) track}));
    }

    @Test
    void timesFramesFromClusterAndBlockTimecodesPlusTheBase() {
        MkvCluster c = new MkvCluster(1_000, 1_000_000, List.of(
            block(1, 0, true, OptionalLong.empty(), 1),
            block(1, 80, false, OptionalLong.empty(), 1),
            block(1, 40, false, OptionalLong.empty(), 1),   // B-frame: decode order kept
            block(2, -3, false, OptionalLong.of(21), 1)), 0);

        List<Frame> frames = ClusterFrames.toFrames(c, TRACKS, 5_000_000);

        assertThat(frames).extracting(Frame::track, Frame::timestampMicros, Frame::durationMicros, Frame::keyframe)
            .containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, 6_000_000L, 40_000L, true),
                org.assertj.core.groups.Tuple.tuple(1, 6_080_000L, 40_000L, false),
                org.assertj.core.groups.Tuple.tuple(1, 6_040_000L, 40_000L, false),
                org.assertj.core.groups.Tuple.tuple(2, 5_997_000L, 21_000L, true)); // audio: always a keyframe
    }

    @Test
    void blockByBlockGivesTheFramesOfTheWholeCluster() {
        MkvCluster c = new MkvCluster(2_000, 1_000_000, List.of(
            block(1, 0, true, OptionalLong.empty(), 1),
            block(2, 5, true, OptionalLong.of(60), 3),
            block(1, 40, false, OptionalLong.empty(), 1)), 0);

        List<Frame> byBlock = c.blocks().stream()
            .flatMap(b -> ClusterFrames.toFrames(c.timecode(), c.timecodeScaleNanos(), b, TRACKS, 7_000).stream())
            .toList();

        assertThat(byBlock).isEqualTo(ClusterFrames.toFrames(c, TRACKS, 7_000));
        assertThat(byBlock).hasSize(5);
    }

    @Test
    void absoluteTimecodesNeedNoBase() {
        long epochMillis = 1_700_000_000_123L;
        MkvCluster c = new MkvCluster(epochMillis, 1_000_000, List.of(block(1, 7, true, OptionalLong.empty(), 1)), 0);
        assertThat(ClusterFrames.toFrames(c, TRACKS, 0).get(0).timestampMicros()).isEqualTo((epochMillis + 7) * 1000);
    }

    @Test
    void scalesOtherTimecodeScales() {
        MkvCluster c = new MkvCluster(10, 100_000, List.of(block(1, 5, true, OptionalLong.of(3), 1)), 0);
        Frame f = ClusterFrames.toFrames(c, TRACKS, 0).get(0);
        assertThat(f.timestampMicros()).isEqualTo(1_500);
        assertThat(f.durationMicros()).isEqualTo(300);
        MkvCluster odd = new MkvCluster(3, 1_500, List.of(block(1, 0, true, OptionalLong.empty(), 1)), 0);
        assertThat(ClusterFrames.toFrames(odd, TRACKS, 0).get(0).timestampMicros()).isEqualTo(4);
    }

    @Test
    void spreadsLacedFramesOverTheBlockDuration() {
        MkvCluster c = new MkvCluster(0, 1_000_000, List.of(block(2, 0, true, OptionalLong.of(60), 3)), 0);
        assertThat(ClusterFrames.toFrames(c, TRACKS, 0)).extracting(Frame::timestampMicros)
            .containsExactly(0L, 20_000L, 40_000L);
    }

    @Test
    void withoutAnyDurationFramesLastZero() {
        MkvCluster c = new MkvCluster(0, 1_000_000, List.of(block(2, 0, true, OptionalLong.empty(), 1)), 0);
        assertThat(ClusterFrames.toFrames(c, TRACKS, 0).get(0).durationMicros()).isZero();
    }

    @Test
    void refusesOverflowsAndUndefinedTracks() {
        MkvCluster huge = new MkvCluster(Long.MAX_VALUE / 10, 1_000_000_000, List.of(
            block(1, 0, true, OptionalLong.empty(), 1)), 0);
        assertThatThrownBy(() -> ClusterFrames.toFrames(huge, TRACKS, 0)).isInstanceOfSatisfying(MkvException.class,
            e -> assertThat(e.error()).isEqualTo(MkvError.INVALID_MKV_DATA));
        MkvCluster stray = new MkvCluster(0, 1_000_000, List.of(block(9, 0, true, OptionalLong.empty(), 1)), 0);
        assertThatThrownBy(() -> ClusterFrames.toFrames(stray, TRACKS, 0)).isInstanceOfSatisfying(MkvException.class,
            e -> assertThat(e.error()).isEqualTo(MkvError.TRACK_NUMBER_MISMATCH));
    }
}
