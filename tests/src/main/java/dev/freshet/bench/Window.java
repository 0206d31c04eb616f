package dev.freshet.bench;

/**
 * The measured interval of a run in {@link System#nanoTime()} terms: {@code warmup} seconds after
 * the start until {@code seconds} later. Work outside it is done but not counted.
 *
 * @param startNanos first counted instant
 * @param endNanos   first instant no longer counted
 */
record Window(long startNanos, long endNanos) {

    static Window after(long nowNanos, int warmupSeconds, int seconds) {
        long start = nowNanos + warmupSeconds * 1_000_000_000L;
        return new Window(start, start + seconds * 1_000_000_000L);
    }

    boolean contains(long nanos) {
        return nanos >= startNanos && nanos < endNanos;
    }

    boolean over(long nanos) {
        return nanos >= endNanos;
    }

    double seconds() {
        return (endNanos - startNanos) / 1e9;
    }
}
