package dev.freshet.datastreams.log;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of one shard log.
 *
 * @param segmentBytes  a segment rolls once it holds this many bytes
 * @param segmentAge    a segment rolls once its first record is this old (so retention can delete it)
 * @param retention     records older than this are no longer returned; their segments are deleted
 * @param indexInterval one sparse index entry per this many bytes of records
 * @param durability    when appends are acknowledged
 */
public record LogConfig(long segmentBytes, Duration segmentAge, Duration retention, int indexInterval,
                        Durability durability) {

    public static final long DEFAULT_SEGMENT_BYTES = 64L * 1024 * 1024;
    public static final Duration DEFAULT_SEGMENT_AGE = Duration.ofHours(1);
    public static final int DEFAULT_INDEX_INTERVAL = 4096;

    public LogConfig {
        Objects.requireNonNull(segmentAge, "segmentAge");
        Objects.requireNonNull(retention, "retention");
        Objects.requireNonNull(durability, "durability");
        if (segmentBytes < 1024 || segmentBytes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("segmentBytes out of range: " + segmentBytes);
        }
        if (indexInterval < 1) {
            throw new IllegalArgumentException("indexInterval must be positive");
        }
    }

    public static LogConfig defaults(Duration retention, Durability durability) {
        return new LogConfig(DEFAULT_SEGMENT_BYTES, DEFAULT_SEGMENT_AGE, retention, DEFAULT_INDEX_INTERVAL,
            durability);
    }

    public LogConfig withRetention(Duration newRetention) {
        return new LogConfig(segmentBytes, segmentAge, newRetention, indexInterval, durability);
    }
}
