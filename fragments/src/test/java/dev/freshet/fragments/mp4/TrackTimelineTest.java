package dev.freshet.fragments.mp4;

import dev.freshet.fragments.media.Codec;
import dev.freshet.fragments.media.Frame;
import dev.freshet.fragments.media.Track;
import dev.freshet.fragments.testmedia.SourceMedia;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TrackTimelineTest {

    private static final long T0 = SourceMedia.EPOCH_MICROS;
    private static final long FRAME = 40_000;
    private static final long TICKS = 3600;

    /** Decode order I0 P3 B1 B2 P6 B4 B5 (presentation indexes), 25 fps. */
    private static List<Frame> ipbb(long lastDuration) {
        int[] order = {0, 3, 1, 2, 6, 4, 5};
        List<Frame> frames = new ArrayList<>();
        for (int i = 0; i < order.length; i++) {
            long duration = i == order.length - 1 ? lastDuration : 0;
            frames.add(new Frame(1, T0 + order[i] * FRAME, duration, i == 0, new byte[] {1}));
        }
        return frames;
    }

    @Test
    void bFramesGetTheSortedPresentationTimesShiftedJustEnough() {
        TrackTimeline timeline = TrackTimeline.of(ipbb(FRAME), Timescale.MPEG, 3000, 0);
        long t0 = Timescale.MPEG.ticks(T0);
        assertThat(timeline.shift()).isEqualTo(TICKS);
        long[] dts = new long[7];
        int[] offsets = new int[7];
        for (int i = 0; i < 7; i++) {
            dts[i] = timeline.decodeTime(i) - t0;
            offsets[i] = timeline.compositionOffset(i);
            assertThat(timeline.duration(i)).isEqualTo((int) TICKS);
        }
        assertThat(dts).containsExactly(-1 * TICKS, 0, 1 * TICKS, 2 * TICKS, 3 * TICKS, 4 * TICKS, 5 * TICKS);
        assertThat(offsets).containsExactly(3600, 3 * 3600, 0, 0, 3 * 3600, 0, 0);
        assertThat(timeline.earliestPresentationTime()).isEqualTo(t0);
        assertThat(timeline.totalDuration()).isEqualTo(7 * TICKS);
    }

    @Test
    void aMinimumShiftAppliesEvenWithoutReordering() {
        List<Frame> frames = List.of(new Frame(1, T0, 0, true, new byte[1]), new Frame(1, T0 + FRAME, 0, false, new byte[1]));
        TrackTimeline timeline = TrackTimeline.of(frames, Timescale.MPEG, 3000, 18_000);
        assertThat(timeline.shift()).isEqualTo(18_000);
        assertThat(timeline.compositionOffset(0)).isEqualTo(18_000);
        assertThat(timeline.compositionOffset(1)).isEqualTo(18_000);
        assertThat(timeline.decodeTime(1) - timeline.decodeTime(0)).isEqualTo(TICKS);
    }

    @Test
    void lastDurationFromItsOwnDurationElseThePreviousElseTheFallback() {
        assertThat(TrackTimeline.of(ipbb(20_000), Timescale.MPEG, 3000, 0).duration(6)).isEqualTo(1800);
        assertThat(TrackTimeline.of(ipbb(0), Timescale.MPEG, 3000, 0).duration(6)).isEqualTo((int) TICKS);
        List<Frame> lone = List.of(new Frame(1, T0, 0, true, new byte[1]));
        assertThat(TrackTimeline.of(lone, Timescale.MPEG, 3000, 0).duration(0)).isEqualTo(3000);
    }

    @Test
    void consecutiveRunsGetTheTimesOfTheWholeWhenCutBeforeAnAnchor() {
        List<Frame> all = ipbb(FRAME);
        TrackTimeline whole = TrackTimeline.of(all, Timescale.MPEG, 3000, 7200);
        TrackTimeline first = TrackTimeline.of(all.subList(0, 4), Timescale.MPEG, 3000, 7200);
        TrackTimeline second = TrackTimeline.of(all.subList(4, 7), Timescale.MPEG, 3000, 7200);
        assertThat(FragmentedMp4.canStartPart(all, 4)).isTrue();
        assertThat(FragmentedMp4.canStartPart(all, 2)).isFalse();
        for (int i = 0; i < 7; i++) {
            TrackTimeline part = i < 4 ? first : second;
            int j = i < 4 ? i : i - 4;
            assertThat(part.decodeTime(j)).isEqualTo(whole.decodeTime(i));
            assertThat(part.compositionOffset(j)).isEqualTo(whole.compositionOffset(i));
            assertThat(part.duration(j)).isEqualTo(whole.duration(i));
        }
    }

    @Test
    void hoursOfFramesKeepExactSpacing() {
        List<Frame> frames = new ArrayList<>();
        for (long i = 0; i < 3 * 3600 * 30; i++) {
            frames.add(new Frame(1, T0 + Math.round(i * 1001_000_000.0 / 30_000), 0, i % 30 == 0, new byte[0]));
        }
        TrackTimeline timeline = TrackTimeline.of(frames, Timescale.MPEG, 3000, 0);
        long start = timeline.decodeTime(0);
        for (int i = 0; i < frames.size(); i++) {
            assertThat(Math.abs(timeline.decodeTime(i) - (start + 3003L * i))).isLessThanOrEqualTo(1);
        }
    }

    @Test
    void reorderAllowanceIsZeroForAudioAndBaselineH264() {
        Track baseline = Track.video(1, Codec.H264, new byte[] {1, 66, (byte) 0xC0, 30}, 320, 240);
        Track high = Track.video(1, Codec.H264, new byte[] {1, 100, 0, 30}, 320, 240);
        Track aac = Track.audio(2, Codec.AAC, new byte[] {0x12, 0x10}, 44_100, 2);
        assertThat(TrackTimeline.reorderAllowance(baseline, Timescale.MPEG)).isZero();
        assertThat(TrackTimeline.reorderAllowance(high, Timescale.MPEG)).isEqualTo(18_000);
        assertThat(TrackTimeline.reorderAllowance(aac, new Timescale(44_100))).isZero();
    }
}
