package dev.freshet.datastreams.kinesis;

import dev.freshet.datastreams.kinesis.internal.CatalogState;
import dev.freshet.datastreams.kinesis.internal.HashKeys;
import dev.freshet.datastreams.kinesis.internal.ShardRecord;
import dev.freshet.datastreams.kinesis.internal.ShardViews;
import dev.freshet.datastreams.kinesis.internal.StreamCatalog;
import dev.freshet.datastreams.kinesis.internal.StreamRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * SplitShard, MergeShards and UpdateShardCount. A parent shard's log is sealed before its
 * children exist, so every record of a partition key written before the change sits in the parent
 * and every later one in a child: a reader that finishes parents before children sees each key in
 * order. UpdateShardCount reaches uniform hash ranges by splitting at the new boundaries and then
 * merging within each new range, as the service does, leaving a lineage of ordinary splits and
 * merges.
 *
 * <p>Thread-safe.
 */
public final class Resharding {

    private static final Logger LOG = LoggerFactory.getLogger(Resharding.class);
    private static final long DAY_MILLIS = 24 * 3_600_000L;
    private static final int SHARD_COUNT_UPDATES_PER_DAY = 10;

    private final StreamCatalog catalog;
    private final StreamLifecycle lifecycle;

    public Resharding(StreamCatalog catalog, StreamLifecycle lifecycle) {
        this.catalog = catalog;
        this.lifecycle = lifecycle;
    }

    /** What UpdateShardCount answers. */
    public record ShardCountResult(String streamName, String streamArn, int currentShardCount, int targetShardCount) {
    }

    public void split(StreamRef ref, String shardId, String newStartingHashKey) {
        catalog.mutate(state -> {
            StreamRecord stream = catalog.requireActive(state, ref);
            ShardRecord shard = requireOpenShard(stream, shardId);
            BigInteger at = new BigInteger(newStartingHashKey);
            if (at.compareTo(shard.start().add(BigInteger.ONE)) <= 0 || at.compareTo(shard.end()) >= 0) {
                throw KinesisErrorType.INVALID_ARGUMENT.exception(
                    "NewStartingHashKey %s used in SplitShard() on shard %s in stream %s under account %s is not both "
                        + "greater than one plus the shard's StartingHashKey %s and less than the shard's EndingHashKey %s.",
                    newStartingHashKey, shardId, stream.name, catalog.settings().accountId(), shard.startHash, shard.endHash);
            }
            lifecycle.checkShardRoom(state, 1);
            splitAt(stream, shard, at);
            catalog.beginPhase(stream, "UPDATING");
            return null;
        });
    }

    public void merge(StreamRef ref, String shardId, String adjacentShardId) {
        catalog.mutate(state -> {
            StreamRecord stream = catalog.requireActive(state, ref);
            ShardRecord shard = requireOpenShard(stream, shardId);
            ShardRecord adjacent = requireOpenShard(stream, adjacentShardId);
            if (!adjacent(shard, adjacent)) {
                throw KinesisErrorType.INVALID_ARGUMENT.exception(
                    "Shards %s and %s in stream %s under account %s are not an adjacent pair of shards eligible for merging",
                    shardId, adjacentShardId, stream.name, catalog.settings().accountId());
            }
            mergePair(stream, shard, adjacent);
            catalog.beginPhase(stream, "UPDATING");
            return null;
        });
    }

    public ShardCountResult updateShardCount(StreamRef ref, int target) {
        return catalog.mutate(state -> {
            StreamRecord stream = catalog.requireActive(state, ref);
            List<ShardRecord> open = openShards(stream);
            checkShardCountChange(state, stream, open.size(), target);
            stream.shardCountUpdates.removeIf(t -> t < catalog.now() - DAY_MILLIS);
            stream.shardCountUpdates.add(catalog.now());
            if (target != open.size()) {
                scaleUniformly(stream, target);
                catalog.beginPhase(stream, "UPDATING");
            }
            return new ShardCountResult(stream.name, catalog.settings().streamArn(stream.name), open.size(), target);
        });
    }

    /**
     * Splits an on-demand stream's hot shard in half (the automatic scaling of ON_DEMAND). Returns
     * false when the stream or shard changed meanwhile or the account has no room.
     */
    boolean splitHotShard(String streamName, String shardId) {
        return catalog.mutate(state -> {
            StreamRecord stream = state.streams.get(streamName);
            ShardRecord shard = stream == null ? null : ShardViews.find(stream, shardId);
            if (stream == null || shard == null || !shard.isOpen() || !stream.status.equals("ACTIVE")
                || !stream.mode.equals("ON_DEMAND") || shard.end().subtract(shard.start()).compareTo(BigInteger.TWO) < 0) {
                return false;
            }
            try {
                lifecycle.checkShardRoom(state, 1);
            } catch (KinesisException full) {
                return false;
            }
            splitAt(stream, shard, shard.start().add(shard.end()).add(BigInteger.ONE).shiftRight(1));
            LOG.atInfo().setMessage("split hot on-demand shard").addKeyValue("stream", streamName)
                .addKeyValue("shard", shardId).log();
            return true;
        });
    }

    private void checkShardCountChange(CatalogState state, StreamRecord stream, int open, int target) {
        if (target > 2L * open) {
            throw KinesisErrorType.INVALID_ARGUMENT.exception(
                "UpdateShardCount cannot scale up over double your current open shard count. Current open shard count: "
                    + "%d Target shard count: %d", open, target);
        }
        if (target * 2L < open) {
            throw KinesisErrorType.INVALID_ARGUMENT.exception(
                "UpdateShardCount cannot scale down below half your current open shard count. Current open shard count: "
                    + "%d Target shard count: %d", open, target);
        }
        long recent = stream.shardCountUpdates.stream().filter(t -> t >= catalog.now() - DAY_MILLIS).count();
        if (recent >= SHARD_COUNT_UPDATES_PER_DAY) {
            throw KinesisErrorType.LIMIT_EXCEEDED.exception(
                "UpdateShardCount can be called at most %d times per rolling 24 hour period for stream %s under account %s.",
                SHARD_COUNT_UPDATES_PER_DAY, stream.name, catalog.settings().accountId());
        }
        if (target > open) {
            lifecycle.checkShardRoom(state, target - open);
        }
    }

    /** Splits at every new uniform boundary, then merges what lies inside each new range. */
    private void scaleUniformly(StreamRecord stream, int target) {
        for (int i = 1; i < target; i++) {
            BigInteger boundary = HashKeys.uniformStart(i, target);
            for (ShardRecord shard : openShards(stream)) {
                if (shard.start().compareTo(boundary) < 0 && shard.end().compareTo(boundary) >= 0) {
                    splitAt(stream, shard, boundary);
                }
            }
        }
        for (int i = 0; i < target; i++) {
            BigInteger low = HashKeys.uniformStart(i, target);
            BigInteger high = HashKeys.uniformStart(i + 1, target);
            List<ShardRecord> inside = openShards(stream).stream()
                .filter(s -> s.start().compareTo(low) >= 0 && s.start().compareTo(high) < 0).toList();
            ShardRecord merged = inside.get(0);
            for (int k = 1; k < inside.size(); k++) {
                merged = mergePair(stream, merged, inside.get(k));
            }
        }
    }

    private void splitAt(StreamRecord stream, ShardRecord shard, BigInteger at) {
        close(stream, shard);
        long now = catalog.now();
        StreamLifecycle.addShard(stream, now, shard.startHash, at.subtract(BigInteger.ONE).toString(), shard.id, null);
        StreamLifecycle.addShard(stream, now, at.toString(), shard.endHash, shard.id, null);
    }

    private ShardRecord mergePair(StreamRecord stream, ShardRecord shard, ShardRecord adjacent) {
        close(stream, shard);
        close(stream, adjacent);
        BigInteger start = shard.start().min(adjacent.start());
        BigInteger end = shard.end().max(adjacent.end());
        return StreamLifecycle.addShard(stream, catalog.now(), start.toString(), end.toString(), shard.id, adjacent.id);
    }

    /** Seals the shard's log (in-flight appends finish first) and records where it ended. */
    private void close(StreamRecord stream, ShardRecord shard) {
        shard.endSequence = catalog.log(stream, shard).seal();
        shard.closedMillis = catalog.now();
    }

    private ShardRecord requireOpenShard(StreamRecord stream, String shardId) {
        ShardRecord shard = ShardViews.find(stream, shardId);
        if (shard == null) {
            throw KinesisErrorType.RESOURCE_NOT_FOUND.exception("Could not find shard %s in stream %s under account %s.",
                shardId, stream.name, catalog.settings().accountId());
        }
        if (!shard.isOpen()) {
            throw KinesisErrorType.RESOURCE_IN_USE.exception(
                "Shard %s in stream %s under account %s has already been merged or split, and thus is not eligible for "
                    + "merging or splitting.", shardId, stream.name, catalog.settings().accountId());
        }
        return shard;
    }

    private static boolean adjacent(ShardRecord a, ShardRecord b) {
        return a.end().add(BigInteger.ONE).equals(b.start()) || b.end().add(BigInteger.ONE).equals(a.start());
    }

    private static List<ShardRecord> openShards(StreamRecord stream) {
        List<ShardRecord> open = new ArrayList<>(stream.shards.stream().filter(ShardRecord::isOpen).toList());
        open.sort(Comparator.comparing(ShardRecord::start));
        return open;
    }
}
