package dev.freshet.datastreams.kinesis.internal;

import dev.freshet.datastreams.log.ShardLog;

import java.math.BigInteger;
import java.util.Comparator;
import java.util.List;

/**
 * The open shards of a stream ordered by hash key range, for routing records: the shard whose
 * range holds a record's hash key. Open shards always tile the whole key space, so every key has
 * exactly one. Immutable snapshot; rebuilt when the shard map changes.
 *
 * <p>Thread-safe.
 */
public final class ShardRouter {

    private final BigInteger[] starts;
    private final ShardRecord[] shards;
    private final ShardLog[] logs;

    ShardRouter(List<ShardRecord> openShards, List<ShardLog> openLogs) {
        Integer[] order = new Integer[openShards.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, Comparator.comparing(i -> openShards.get(i).start()));
        starts = new BigInteger[order.length];
        shards = new ShardRecord[order.length];
        logs = new ShardLog[order.length];
        for (int i = 0; i < order.length; i++) {
            shards[i] = openShards.get(order[i]);
            logs[i] = openLogs.get(order[i]);
            starts[i] = shards[i].start();
        }
    }

    /** Position (0..size-1) of the shard holding {@code hashKey}. */
    public int route(BigInteger hashKey) {
        int lo = 0;
        int hi = starts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (starts[mid].compareTo(hashKey) <= 0) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    public int size() {
        return shards.length;
    }

    public ShardRecord shard(int position) {
        return shards[position];
    }

    public ShardLog log(int position) {
        return logs[position];
    }
}
