package dev.freshet.datastreams.log;

import java.util.Set;

/**
 * Owns every shard log under one data directory: opens and recovers them, runs retention, and
 * closes them all on shutdown. The implementation lives in {@code log.internal}; services see only
 * this interface and {@link ShardLog}.
 *
 * <p>Thread-safe.
 */
public interface LogEngine extends AutoCloseable {

    /** Opens the log with that id, creating it empty if it does not exist. Ids are folder-safe. */
    ShardLog open(String id, LogConfig config);

    /** The log with that id if it is open or exists on disk. */
    java.util.Optional<ShardLog> find(String id);

    /** Ids of every log present on disk or open. */
    Set<String> ids();

    /** Closes and removes the log and all its files. Readers holding it see an empty, sealed log. */
    void delete(String id);

    /** Deletes segments past each log's retention now (the engine also does this periodically). */
    void enforceRetention();

    /** Commits pending appends, flushes indexes and closes every file. */
    @Override
    void close();
}
