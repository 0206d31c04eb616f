package dev.freshet.signaling.whip;

/**
 * Tells when a session has gone silent: a count that keeps growing while its peer is there
 * (packets received) has not changed for longer than the limit. Shared by publishers (RTP) and
 * viewers (RTCP).
 *
 * <p>Not thread-safe: its session calls it under its own lock.
 */
public final class SilenceWatch {

    private final long limitMillis;
    private long lastCount;
    private long lastProgressMillis;

    /** Watching from {@code startMillis} on, with nothing counted yet. */
    public SilenceWatch(long limitMillis, long startMillis) {
        this.limitMillis = limitMillis;
        this.lastProgressMillis = startMillis;
    }

    /** Whether {@code count}, read at {@code nowMillis}, has stood still for longer than the limit. */
    public boolean silent(long count, long nowMillis) {
        if (count != lastCount) {
            lastCount = count;
            lastProgressMillis = nowMillis;
            return false;
        }
        return nowMillis - lastProgressMillis > limitMillis;
    }
}
