package dev.freshet.webrtc.receive;

/**
 * Lets a video stream's access units through only from a keyframe on: at the start, and again after
 * a loss, every later picture may refer to what was lost, so none is passed until the next keyframe
 * (a fragment must start with one, and a decoder could show only garbage).
 *
 * <p>Not thread-safe: one per received video stream, on that stream's receive thread.
 */
final class KeyframeGate {

    /** What this node counts. */
    enum Counter {
        PASSED, DROPPED_BEFORE_FIRST_KEYFRAME, DROPPED_AFTER_LOSS
    }

    private final NodeCounters<Counter> counters = new NodeCounters<>(Counter.class);
    private boolean seenKeyframe;
    private boolean waiting = true;

    /** Whether an access unit, a keyframe or not, may pass; a keyframe opens the gate. */
    boolean pass(boolean keyframe) {
        if (keyframe) {
            seenKeyframe = true;
            waiting = false;
        }
        if (!waiting) {
            counters.increment(Counter.PASSED);
            return true;
        }
        counters.increment(seenKeyframe ? Counter.DROPPED_AFTER_LOSS : Counter.DROPPED_BEFORE_FIRST_KEYFRAME);
        return false;
    }

    /** Media was lost for good: closed until the next keyframe. */
    void loss() {
        waiting = true;
    }

    /** Why a dropped frame wants a keyframe. */
    KeyframeRequester.Reason reason() {
        return seenKeyframe ? KeyframeRequester.Reason.LOSS : KeyframeRequester.Reason.NO_KEYFRAME_YET;
    }

    NodeCounters<Counter> counters() {
        return counters;
    }
}
