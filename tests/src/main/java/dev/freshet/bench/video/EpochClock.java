package dev.freshet.bench.video;

import java.time.Instant;

/**
 * Wall-clock time in microseconds since the epoch, read through {@link System#nanoTime()} from one
 * anchor taken at start-up. Cameras stamp capture times and viewers stamp arrivals with it, so a
 * latency is the difference of two readings of one monotonic clock: a wall-clock step (NTP) during
 * the run cannot distort it, and the fMP4 decode times the server derives from the capture times
 * are on the same scale.
 *
 * <p>Immutable; thread-safe.
 */
public final class EpochClock {

    private final long anchorNanos;
    private final long anchorEpochMicros;

    public EpochClock() {
        Instant now = Instant.now();
        anchorNanos = System.nanoTime();
        anchorEpochMicros = now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
    }

    public long epochMicros(long nanos) {
        return anchorEpochMicros + (nanos - anchorNanos) / 1_000;
    }

    public long nowMicros() {
        return epochMicros(System.nanoTime());
    }

    /** The {@code nanoTime} reading at which the clock shows {@code epochMicros}. */
    long nanosAt(long epochMicros) {
        return anchorNanos + (epochMicros - anchorEpochMicros) * 1_000;
    }
}
