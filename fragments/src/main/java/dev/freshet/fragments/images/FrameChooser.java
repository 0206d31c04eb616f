package dev.freshet.fragments.images;

import dev.freshet.fragments.media.Frame;

import java.util.List;

/**
 * Picks, for a requested time, the frame of a GOP that shows it: the one whose presentation time
 * is nearest (the earlier on a tie), or the keyframe.
 *
 * <p>Stateless; thread-safe.
 */
final class FrameChooser {

    private FrameChooser() {
    }

    /** Index in {@code frames} (decode order, keyframe first, not empty) of the frame answering {@code micros}. */
    static int choose(List<Frame> frames, long micros, FrameSelection selection) {
        if (selection == FrameSelection.KEYFRAME) {
            return 0;
        }
        int best = 0;
        for (int i = 1; i < frames.size(); i++) {
            if (closer(frames.get(i).timestampMicros(), frames.get(best).timestampMicros(), micros)) {
                best = i;
            }
        }
        return best;
    }

    private static boolean closer(long candidate, long best, long target) {
        long candidateDistance = Math.abs(candidate - target);
        long bestDistance = Math.abs(best - target);
        return candidateDistance < bestDistance || (candidateDistance == bestDistance && candidate < best);
    }
}
