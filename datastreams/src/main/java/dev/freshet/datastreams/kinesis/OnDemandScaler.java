package dev.freshet.datastreams.kinesis;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * The automatic scaling of ON_DEMAND streams: every window, a shard that took more than the
 * configured write rate is split in half, so its keys spread over two shards. (Streams start
 * with four shards; provisioned streams never change on their own.)
 *
 * <p>Thread-safe; runs on the housekeeping thread.
 */
final class OnDemandScaler {

    private static final Logger LOG = LoggerFactory.getLogger(OnDemandScaler.class);

    private final ShardTraffic traffic;
    private final Resharding resharding;
    private final long splitBytesPerSecond;

    OnDemandScaler(ShardTraffic traffic, Resharding resharding, long splitBytesPerSecond) {
        this.traffic = traffic;
        this.resharding = resharding;
        this.splitBytesPerSecond = splitBytesPerSecond;
    }

    void check(long windowMillis) {
        for (Map.Entry<String, Long> entry : traffic.drain().entrySet()) {
            long bytesPerSecond = entry.getValue() * 1000 / Math.max(1, windowMillis);
            if (bytesPerSecond > splitBytesPerSecond) {
                String[] key = entry.getKey().split("\n", 2);
                try {
                    resharding.splitHotShard(key[0], key[1]);
                } catch (RuntimeException e) {
                    LOG.atWarn().setMessage("on-demand split failed").addKeyValue("stream", key[0])
                        .addKeyValue("shard", key[1]).setCause(e).log();
                }
            }
        }
    }
}
