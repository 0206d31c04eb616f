package dev.freshet.delivery.destination;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Backoff between delivery attempts: {@code initial}, doubling up to {@code max}, each delay
 * jittered by ±15 %; failures that retrying cannot fix soon (a missing bucket, denied access) wait
 * {@code slow} between attempts instead.
 *
 * <p>Immutable and thread-safe.
 */
public record RetryPolicy(Duration initial, Duration max, Duration slow) {

    /** 1 s doubling to 1 min; 1 min for non-retryable failures. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(Duration.ofSeconds(1), Duration.ofMinutes(1),
        Duration.ofMinutes(1));

    private static final double JITTER = 0.15;

    /** Milliseconds to wait before attempt {@code failures + 1} after {@code failures} retryable failures. */
    public long delayMillis(int failures, boolean retryable) {
        long base = retryable ? backoff(failures) : slow.toMillis();
        double factor = 1 + ThreadLocalRandom.current().nextDouble(-JITTER, JITTER);
        return Math.max(1, Math.round(base * factor));
    }

    private long backoff(int failures) {
        int doublings = Math.min(Math.max(failures - 1, 0), 30);
        long delay = initial.toMillis() << doublings;
        return delay <= 0 ? max.toMillis() : Math.min(delay, max.toMillis());
    }
}
