package dev.freshet.delivery.catalog;

import dev.freshet.datastreams.limits.TokenBucket;
import dev.freshet.delivery.DeliveryErrorType;
import dev.freshet.delivery.DeliveryException;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Limits mode: each DirectPut delivery stream's {@link PutQuota}, as token buckets holding one
 * second's worth (requests, records, bytes). A call past the request rate is refused as a whole
 * (ServiceUnavailableException "Slow down."); otherwise records are admitted in request order
 * until one does not fit the record or byte budget, and that one and every later one are refused
 * (PutRecordBatch answers them with per-record ServiceUnavailableException, as the service does).
 * When the mode is off everything is admitted.
 *
 * <p>Thread-safe: a stream's three buckets are taken together under the stream's lock.
 */
final class PutThrottle {

    static final String SLOW_DOWN = "Slow down.";

    private final boolean enabled;
    private final PutQuota quota;
    private final InstantSource clock;
    private final Map<String, StreamBudget> streams = new ConcurrentHashMap<>();

    PutThrottle(boolean enabled, PutQuota quota, InstantSource clock) {
        this.enabled = enabled;
        this.quota = quota;
        this.clock = clock;
    }

    /**
     * Charges the call and its records; returns how many leading records were admitted.
     *
     * @throws DeliveryException SERVICE_UNAVAILABLE when the stream is past its request rate
     */
    int admit(String stream, List<byte[]> records) {
        if (!enabled) {
            return records.size();
        }
        long now = clock.millis();
        StreamBudget budget = streams.computeIfAbsent(stream, name -> new StreamBudget(quota, now));
        synchronized (budget) {
            if (!budget.requests.tryTake(1, now, false)) {
                throw new DeliveryException(DeliveryErrorType.SERVICE_UNAVAILABLE, SLOW_DOWN);
            }
            for (int i = 0; i < records.size(); i++) {
                int size = records.get(i).length;
                if (budget.records.millisUntil(1, now) > 0 || budget.bytes.millisUntil(size, now) > 0) {
                    return i;
                }
                budget.records.charge(1, now);
                budget.bytes.charge(size, now);
            }
            return records.size();
        }
    }

    /** One stream's buckets. Guarded by itself. */
    private static final class StreamBudget {
        final TokenBucket requests;
        final TokenBucket records;
        final TokenBucket bytes;

        StreamBudget(PutQuota quota, long now) {
            requests = new TokenBucket(quota.requestsPerSecond(), now);
            records = new TokenBucket(quota.recordsPerSecond(), now);
            bytes = new TokenBucket(quota.bytesPerSecond(), now);
        }
    }
}
