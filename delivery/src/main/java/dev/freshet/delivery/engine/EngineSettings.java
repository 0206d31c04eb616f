package dev.freshet.delivery.engine;

import dev.freshet.datastreams.log.Durability;
import dev.freshet.delivery.destination.RetryPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;

/**
 * The delivery engine's settings.
 *
 * @param stateDir where checkpoints live ({@code <data-dir>/firehose})
 * @param durability the server's durability: with FSYNC, checkpoints are forced before they count
 * @param retry backoff of destinations and of failing processors
 * @param bufferRetention how long a DirectPut buffer log keeps undelivered records (the service keeps 24 h)
 * @param readRecords records per read from a source, at most
 * @param clock wall time (arrival times, buffer intervals, freshness)
 */
public record EngineSettings(Path stateDir, Durability durability, RetryPolicy retry, Duration bufferRetention,
        int readRecords, InstantSource clock) {

    public EngineSettings {
        Objects.requireNonNull(stateDir, "stateDir");
        Objects.requireNonNull(durability, "durability");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(clock, "clock");
    }

    public static EngineSettings defaults(Path stateDir, Durability durability) {
        return new EngineSettings(stateDir, durability, RetryPolicy.DEFAULT, Duration.ofHours(24), 10_000,
            InstantSource.system());
    }

    public EngineSettings withRetry(RetryPolicy newRetry) {
        return new EngineSettings(stateDir, durability, newRetry, bufferRetention, readRecords, clock);
    }
}
