package dev.freshet.delivery.destination;

import java.time.Clock;
import java.time.Duration;

/**
 * The retry window of a destination's RetryOptions.DurationInSeconds: "after an initial failure
 * to deliver, the total amount of time during which Firehose retries delivery (including the first
 * attempt)"; 0 means no retries. Backoff doubles from {@code initialBackoff} up to
 * {@code maxBackoff} and never sleeps past the window's end.
 *
 * <p>Not thread-safe: one per delivery.
 */
public final class RetryClock {

    private final Clock clock;
    private final Duration window;
    private final Duration maxBackoff;
    private Duration backoff;
    private long deadlineMillis = -1;
    private int attempts;

    public RetryClock(Clock clock, Duration window, Duration initialBackoff, Duration maxBackoff) {
        this.clock = clock;
        this.window = window;
        this.backoff = initialBackoff;
        this.maxBackoff = maxBackoff;
    }

    /** Counts an attempt about to be made. */
    public void attempt() {
        attempts++;
    }

    public int attempts() {
        return attempts;
    }

    public long nowMillis() {
        return clock.millis();
    }

    /**
     * Called after a failed attempt: starts the window at the first failure, then waits the
     * backoff if time is left. Returns false when the window is over (give up).
     */
    public boolean awaitRetry() throws InterruptedException {
        long now = clock.millis();
        if (deadlineMillis < 0) {
            deadlineMillis = now + window.toMillis();
        }
        long left = deadlineMillis - now;
        if (left <= 0) {
            return false;
        }
        Thread.sleep(Math.min(left, backoff.toMillis()));
        backoff = backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : backoff.multipliedBy(2);
        return true;
    }
}
