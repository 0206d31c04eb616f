package dev.freshet.fragments.media;

import java.util.List;

/**
 * How long a run of frames plays, when frames may carry no duration (Matroska SimpleBlocks have
 * none, and a track need not declare a default): each lasts until the next presentation time, and
 * the last one as long as a frame interval — without that, a one-second GOP would play 40 ms short
 * at 25 fps, and a part holding one frame would last nothing.
 *
 * <p>Stateless; thread-safe.
 */
public final class PresentationSpan {

    private PresentationSpan() {
    }

    /** The smallest positive gap between the frames' presentation times (the frame interval), or 0. */
    public static long interval(List<Frame> frames) {
        long[] times = sortedTimes(frames);
        long interval = 0;
        for (int i = 1; i < times.length; i++) {
            long gap = times[i] - times[i - 1];
            if (gap > 0 && (interval == 0 || gap < interval)) {
                interval = gap;
            }
        }
        return interval;
    }

    /**
     * From the earliest presentation time to the latest end; a frame without a duration that is
     * presented last lasts {@code lastFrameMicros} (when 0, the gap before it). Empty frames: 0.
     */
    public static long of(List<Frame> frames, long lastFrameMicros) {
        if (frames.isEmpty()) {
            return 0;
        }
        long[] times = sortedTimes(frames);
        long latest = times[times.length - 1];
        long lastGap = times.length > 1 ? latest - times[times.length - 2] : 0;
        long lastLasts = lastFrameMicros > 0 ? lastFrameMicros : lastGap;
        long end = latest;
        for (Frame frame : frames) {
            long duration = frame.durationMicros() > 0 ? frame.durationMicros()
                : frame.timestampMicros() == latest ? lastLasts : 0;
            end = Math.max(end, frame.timestampMicros() + duration);
        }
        return end - times[0];
    }

    private static long[] sortedTimes(List<Frame> frames) {
        return frames.stream().mapToLong(Frame::timestampMicros).sorted().toArray();
    }
}
