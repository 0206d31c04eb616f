package dev.freshet.datastreams.kinesis;

import dev.freshet.datastreams.limits.TokenBucket;

import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Limits mode ({@code --enforce-limits}): the real service's throughput limits, so teams can test
 * their backoff code. Per shard: 1 MiB/s and 1,000 records/s in; 5 GetRecords calls/s and 2 MiB/s
 * out; per enhanced fan-out consumer and shard: 2 MiB/s pushed. Control-plane calls are limited
 * per account, stream or shard as the service documents (see {@link ControlPlaneRates}). When the
 * mode is off every check passes.
 *
 * <p>Thread-safe.
 */
public final class ThroughputLimits {

    public static final double WRITE_BYTES_PER_SECOND = 1024 * 1024;
    public static final double WRITE_RECORDS_PER_SECOND = 1000;
    public static final double READ_CALLS_PER_SECOND = 5;
    public static final double READ_BYTES_PER_SECOND = 2 * 1024 * 1024;
    public static final double FAN_OUT_BYTES_PER_SECOND = 2 * 1024 * 1024;

    private final boolean enabled;
    private final InstantSource clock;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    public ThroughputLimits(boolean enabled, InstantSource clock) {
        this.enabled = enabled;
        this.clock = clock;
    }

    public boolean enabled() {
        return enabled;
    }

    /** Whether one record of {@code bytes} may enter the shard now; charges it if so. */
    public boolean admitWrite(String streamId, String shardId, long bytes) {
        if (!enabled) {
            return true;
        }
        long now = clock.millis();
        TokenBucket records = bucket("w#" + streamId + "/" + shardId, WRITE_RECORDS_PER_SECOND, now);
        TokenBucket volume = bucket("wb#" + streamId + "/" + shardId, WRITE_BYTES_PER_SECOND, now);
        if (volume.millisUntil(bytes, now) > 0 || !records.tryTake(1, now, false)) {
            return false;
        }
        volume.charge(bytes, now);
        return true;
    }

    /** Whether a GetRecords call on the shard may run now (five per second, and no read debt). */
    public boolean admitRead(String streamId, String shardId) {
        if (!enabled) {
            return true;
        }
        long now = clock.millis();
        TokenBucket volume = bucket("rb#" + streamId + "/" + shardId, READ_BYTES_PER_SECOND, now);
        return volume.millisUntil(0, now) == 0
            && bucket("r#" + streamId + "/" + shardId, READ_CALLS_PER_SECOND, now).tryTake(1, now, false);
    }

    /** Charges bytes a GetRecords returned to the shard's read budget. */
    public void chargeRead(String streamId, String shardId, long bytes) {
        if (enabled) {
            long now = clock.millis();
            bucket("rb#" + streamId + "/" + shardId, READ_BYTES_PER_SECOND, now).charge(bytes, now);
        }
    }

    /** Milliseconds a fan-out push of {@code bytes} must wait; 0 when it may go now (and is charged). */
    public long fanOutDelay(String consumerArn, String shardId, long bytes) {
        if (!enabled) {
            return 0;
        }
        long now = clock.millis();
        TokenBucket volume = bucket("f#" + consumerArn + "/" + shardId, FAN_OUT_BYTES_PER_SECOND, now);
        long wait = volume.millisUntil(Math.min(bytes, FAN_OUT_BYTES_PER_SECOND), now);
        if (wait == 0) {
            volume.charge(bytes, now);
        }
        return wait;
    }

    /** Whether a control-plane call may run now, against its documented rate for that scope. */
    public boolean admitControl(String operation, String scope) {
        if (!enabled) {
            return true;
        }
        double rate = ControlPlaneRates.perSecond(operation);
        if (rate <= 0) {
            return true;
        }
        long now = clock.millis();
        return bucket("c#" + operation + "/" + scope, rate, now).tryTake(1, now, false);
    }

    private TokenBucket bucket(String key, double rate, long now) {
        return buckets.computeIfAbsent(key, k -> new TokenBucket(rate, now));
    }
}
