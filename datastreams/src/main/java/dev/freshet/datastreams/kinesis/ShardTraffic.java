package dev.freshet.datastreams.kinesis;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Bytes written per shard since the last look, for on-demand scaling. Cheap to add to from many
 * threads.
 *
 * <p>Thread-safe.
 */
final class ShardTraffic {

    private final Map<String, LongAdder> written = new ConcurrentHashMap<>();

    void add(String streamName, String shardId, long bytes) {
        written.computeIfAbsent(streamName + "\n" + shardId, k -> new LongAdder()).add(bytes);
    }

    /** Bytes per "stream\nshard" key since the previous call, resetting the counts. */
    Map<String, Long> drain() {
        Map<String, Long> snapshot = new HashMap<>();
        written.forEach((key, adder) -> snapshot.put(key, adder.sumThenReset()));
        written.values().removeIf(adder -> adder.sum() == 0);
        return snapshot;
    }
}
