package dev.freshet.fragments.mp4;

import dev.freshet.fragments.media.Frame;
import dev.freshet.fragments.media.Track;

import java.util.Arrays;
import java.util.List;

/**
 * Decode times, composition offsets and durations of one track's frames in one timescale, derived
 * from what storage keeps: decode order and presentation times (ISO/IEC 14496-12 8.6.1: DT(n),
 * CT(n) = DT(n) + offset(n)).
 *
 * <p>Decode times are the presentation times sorted ascending, handed out in decode order, minus a
 * shift: the smallest PTS becomes the first decode time, and so on. With B-frames a frame would then
 * decode after it is presented; the shift (the larger of the caller's minimum and the smallest one
 * that makes every offset non-negative) prevents that. Presentation times never move, so tracks stay
 * in sync whatever the shift.
 *
 * <p>Segments and LL-HLS parts are made independently of each other, so each video track gets a
 * constant minimum shift, {@link #reorderAllowance} (200 ms, 0 where the codec cannot reorder):
 * as long as a stream's reordering needs no more, every segment and every part of it gets the same
 * shift, and their decode times line up exactly (one continuous timeline from the absolute epoch
 * times). A stream that reorders deeper gets a larger shift in the segments that need it.
 *
 * <p>Durations come from the next frame's decode time; the last frame's from its
 * {@code durationMicros}, else the previous frame's duration, else the codec's usual frame length.
 * All times are converted from absolute microseconds (see {@link Timescale}).
 *
 * <p>Immutable; thread-safe.
 */
public final class TrackTimeline {

    private final long[] decodeTimes;
    private final int[] compositionOffsets;
    private final int[] durations;
    private static final int BASELINE = 66;

    private final long shift;

    private TrackTimeline(long[] decodeTimes, int[] compositionOffsets, int[] durations, long shift) {
        this.decodeTimes = decodeTimes;
        this.compositionOffsets = compositionOffsets;
        this.durations = durations;
        this.shift = shift;
    }

    /** Shift that covers B-frame reordering in the streams Freshet expects: 200 ms. */
    public static final long REORDER_ALLOWANCE_MICROS = 200_000;

    /**
     * The timeline of a track's frames (decode order).
     *
     * @param minimumShiftTicks the least shift to apply: {@link #reorderAllowance} for segments that
     *                          must join others, 0 when the frames are all there is
     */
    public static TrackTimeline of(List<Frame> frames, Timescale scale, long fallbackDurationTicks,
                                   long minimumShiftTicks) {
        int n = frames.size();
        long[] pts = new long[n];
        for (int i = 0; i < n; i++) {
            pts[i] = scale.ticks(frames.get(i).timestampMicros());
        }
        long[] dts = pts.clone();
        Arrays.sort(dts);
        long shift = Math.max(minimumShiftTicks, requiredShift(pts, dts));
        int[] offsets = new int[n];
        for (int i = 0; i < n; i++) {
            dts[i] -= shift;
            offsets[i] = Math.toIntExact(pts[i] - dts[i]);
        }
        return new TrackTimeline(dts, offsets, durations(frames, scale, pts, dts, fallbackDurationTicks), shift);
    }

    /**
     * The constant minimum shift of a track, in its timescale: {@link #REORDER_ALLOWANCE_MICROS}
     * for video, except H.264 Baseline (profile 66, no B-slices); 0 for audio.
     */
    public static long reorderAllowance(Track track, Timescale scale) {
        boolean reorders = switch (track.codec()) {
            case H264 -> track.codecPrivate().length < 2 || (track.codecPrivate()[1] & 0xFF) != BASELINE;
            case H265 -> true;
            case AAC, OPUS -> false;
        };
        return reorders ? scale.ticks(REORDER_ALLOWANCE_MICROS) : 0;
    }

    private static long requiredShift(long[] pts, long[] sortedPts) {
        long shift = 0;
        for (int i = 0; i < pts.length; i++) {
            shift = Math.max(shift, sortedPts[i] - pts[i]);
        }
        return shift;
    }

    private static int[] durations(List<Frame> frames, Timescale scale, long[] pts, long[] dts, long fallback) {
        int n = dts.length;
        int[] durations = new int[n];
        for (int i = 0; i + 1 < n; i++) {
            durations[i] = Math.toIntExact(dts[i + 1] - dts[i]);
        }
        if (n > 0) {
            Frame last = frames.get(n - 1);
            long end = scale.ticks(last.timestampMicros() + last.durationMicros());
            durations[n - 1] = Math.toIntExact(last.durationMicros() > 0 ? end - pts[n - 1]
                : n > 1 ? durations[n - 2] : fallback);
        }
        return durations;
    }

    public int size() {
        return decodeTimes.length;
    }

    /** Decode time of frame {@code i} (decode order), in ticks. */
    public long decodeTime(int i) {
        return decodeTimes[i];
    }

    /** Presentation minus decode time of frame {@code i}, in ticks. */
    public int compositionOffset(int i) {
        return compositionOffsets[i];
    }

    /** Ticks until the next frame's decode time. */
    public int duration(int i) {
        return durations[i];
    }

    /** What was subtracted from the sorted presentation times, in ticks. */
    public long shift() {
        return shift;
    }

    /** Whether any composition offset is non-zero (reordering, or a shift). */
    public boolean hasCompositionOffsets() {
        for (int offset : compositionOffsets) {
            if (offset != 0) {
                return true;
            }
        }
        return false;
    }

    /** Decode time after the last frame. */
    public long endDecodeTime() {
        int n = size();
        return n == 0 ? 0 : decodeTimes[n - 1] + durations[n - 1];
    }

    /** The sum of the durations. */
    public long totalDuration() {
        return size() == 0 ? 0 : endDecodeTime() - decodeTimes[0];
    }

    /** The smallest presentation time, in ticks. */
    public long earliestPresentationTime() {
        long earliest = Long.MAX_VALUE;
        for (int i = 0; i < size(); i++) {
            earliest = Math.min(earliest, decodeTimes[i] + compositionOffsets[i]);
        }
        return earliest;
    }
}
