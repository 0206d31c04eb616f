package dev.freshet.datastreams.log;

import java.util.Optional;
import java.util.Set;

/**
 * Owns every shard log under one data directory: opens and recovers them, runs retention, and
 * closes them all on shutdown. The implementation lives in {@code log.internal}; services see only
 * this interface and {@link ShardLog}.
 *
 * <p>Thread-safe.
 */
public interface LogEngine extends AutoCloseable {

    /**
     * Opens the log with that id, recovering it from disk or creating it empty. Ids are folder-safe
     * ({@code [A-Za-z0-9_.-]}). The config applies from the first open in this process on; later
     * opens return the same instance.
     */
    ShardLog open(String id, LogConfig config);

    /** The log with that id if it was opened in this process and not deleted. */
    Optional<ShardLog> find(String id);

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
