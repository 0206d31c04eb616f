package dev.freshet.delivery.destination.http;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * The HTTP endpoint's documented retry backoff: 1 s before the first retry, doubling for each
 * further one, ±15 % jitter, never more than 2 minutes.
 *
 * <p>Not thread-safe: one per request being retried.
 */
final class RetryBackoff {

    private static final long INITIAL_MILLIS = 1_000;
    private static final long MAX_MILLIS = 120_000;
    private static final double JITTER = 0.15;

    private final RandomGenerator random;
    private int retries;

    RetryBackoff(RandomGenerator random) {
        this.random = random;
    }

    /** How long to wait before the next retry. */
    Duration next() {
        double base = INITIAL_MILLIS * Math.pow(2, Math.min(retries++, 20));
        double jittered = base * (1 - JITTER + 2 * JITTER * random.nextDouble());
        return Duration.ofMillis((long) Math.min(MAX_MILLIS, jittered));
    }
}
