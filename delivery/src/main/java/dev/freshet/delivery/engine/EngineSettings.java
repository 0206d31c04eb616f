package dev.freshet.delivery.engine;

import dev.freshet.datastreams.log.Durability;
import dev.freshet.delivery.destination.RetryPolicy;
import dev.freshet.delivery.s3.ActivePartitions;
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
 * @param activePartitionsLimit how many partitions one flushed buffer of a dynamically partitioned
 *     stream may open (the service's 500 by default, raisable to 5,000); records of more go to the
 *     error output as {@code activePartitionExceeded}
 */
public record EngineSettings(Path stateDir, Durability durability, RetryPolicy retry, Duration bufferRetention,
        int readRecords, InstantSource clock, int activePartitionsLimit) {


    public EngineSettings {
        Objects.requireNonNull(stateDir, "stateDir");
        Objects.requireNonNull(durability, "durability");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(clock, "clock");
        if (activePartitionsLimit < 1) {
            throw new IllegalArgumentException("activePartitionsLimit must be at least 1");
        }
    }

    public static EngineSettings defaults(Path stateDir, Durability durability) {
        return new EngineSettings(stateDir, durability, RetryPolicy.DEFAULT, Duration.ofHours(24), 10_000,
            InstantSource.system(), ActivePartitions.DEFAULT_LIMIT);
    }

    public EngineSettings withRetry(RetryPolicy newRetry) {
        return new EngineSettings(stateDir, durability, newRetry, bufferRetention, readRecords, clock,
            activePartitionsLimit);
    }

    public EngineSettings withActivePartitionsLimit(int limit) {
        return new EngineSettings(stateDir, durability, retry, bufferRetention, readRecords, clock, limit);
    }
}
