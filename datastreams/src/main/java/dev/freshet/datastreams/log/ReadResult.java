package dev.freshet.datastreams.log;

import java.util.List;

/**
 * Records read from a shard log.
 *
 * @param records      in sequence order; empty when the reader is at the end
 * @param nextSequence where the next read should start (one past the last record returned, or the
 *                     requested position moved forward past records trimmed by retention)
 * @param endSequence  the log's end at the moment of the read: {@code nextSequence == endSequence}
 *                     means the reader is caught up
 * @param bytes        payload bytes in {@code records}
 */
public record ReadResult(List<LogRecord> records, long nextSequence, long endSequence, long bytes) {
    public boolean caughtUp() {
        return nextSequence >= endSequence;
    }
}
