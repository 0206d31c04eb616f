package dev.freshet.bench.video;

/**
 * The measured interval of a run in {@link System#nanoTime()} terms; what happens before (warm-up)
 * or after (draining) is done but not counted.
 *
 * @param startNanos first counted instant
 * @param endNanos   first instant no longer counted
 */
public record Window(long startNanos, long endNanos) {

    public boolean contains(long nanos) {
        return nanos >= startNanos && nanos < endNanos;
    }

    public double seconds() {
        return (endNanos - startNanos) / 1e9;
    }
}
