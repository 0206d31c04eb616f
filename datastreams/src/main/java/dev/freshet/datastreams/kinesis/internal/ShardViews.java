package dev.freshet.datastreams.kinesis.internal;

import dev.freshet.datastreams.kinesis.ShardDescription;

import java.util.Comparator;
import java.util.List;

/**
 * Presents shard records the way the service does, and decides which shards are still visible:
 * a closed shard disappears once all its records are past the stream's retention.
 *
 * <p>Stateless and thread-safe; call under the catalog's lock.
 */
public final class ShardViews {

    private ShardViews() {
    }

    public static ShardDescription describe(ShardRecord shard) {
        return new ShardDescription(shard.id, shard.parent, shard.adjacentParent, shard.startHash, shard.endHash,
            startingSequenceNumber(shard), endingSequenceNumber(shard));
    }

    public static String startingSequenceNumber(ShardRecord shard) {
        return SequenceNumbers.format(shard.createdSeconds(), shard.index, 0, shard.createdSeconds());
    }

    /** The last sequence number the closed shard holds (its start when it holds none), or null if open. */
    public static String endingSequenceNumber(ShardRecord shard) {
        if (shard.isOpen()) {
            return null;
        }
        return SequenceNumbers.format(shard.createdSeconds(), shard.index, shard.endSequence,
            shard.closedMillis / 1000);
    }

    /** Sequence number of the record at log sequence {@code logSequence} that arrived at {@code arrivalMillis}. */
    public static String sequenceNumber(ShardRecord shard, long logSequence, long arrivalMillis) {
        return SequenceNumbers.format(shard.createdSeconds(), shard.index, logSequence + 1, arrivalMillis / 1000);
    }

    /** A formatter for many consecutive records of the shard (see {@link SequenceNumberRun}). */
    public static SequenceNumberRun sequenceNumbers(ShardRecord shard) {
        return new SequenceNumberRun(shard.createdSeconds(), shard.index);
    }

    public static String sequenceNumber(SequenceNumberRun run, long logSequence, long arrivalMillis) {
        return run.format(logSequence + 1, arrivalMillis / 1000);
    }

    /** Shards a listing shows, in shard id order: all but closed ones whose data expired. */
    public static List<ShardRecord> visible(StreamRecord stream, long nowMillis) {
        long horizon = nowMillis - stream.retentionHours * 3_600_000L;
        return stream.shards.stream().filter(shard -> shard.isOpen() || shard.closedMillis >= horizon)
            .sorted(Comparator.comparingInt(shard -> shard.index)).toList();
    }

    public static ShardRecord find(StreamRecord stream, String shardId) {
        for (ShardRecord shard : stream.shards) {
            if (shard.id.equals(shardId)) {
                return shard;
            }
        }
        return null;
    }
}
