package dev.freshet.delivery.catalog;

import dev.freshet.delivery.DeliveryErrorType;
import dev.freshet.delivery.DeliveryException;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Limits mode: the service's control-plane quota, five calls per second per operation and account
 * (CreateDeliveryStream, DeleteDeliveryStream, DescribeDeliveryStream, ListDeliveryStreams,
 * UpdateDestination, Tag/Untag/ListTagsForDeliveryStream, Start/StopDeliveryStreamEncryption),
 * counted over a sliding second. Calls past it answer LimitExceededException. PutRecord and
 * PutRecordBatch are data-plane calls and are not counted here.
 *
 * <p>Thread-safe.
 */
final class ControlCallRates {

    static final int CALLS_PER_SECOND = 5;
    private static final Set<String> OPERATIONS = Set.of("CreateDeliveryStream", "DeleteDeliveryStream",
        "DescribeDeliveryStream", "ListDeliveryStreams", "UpdateDestination", "TagDeliveryStream",
        "UntagDeliveryStream", "ListTagsForDeliveryStream", "StartDeliveryStreamEncryption",
        "StopDeliveryStreamEncryption");

    private final boolean enabled;
    private final InstantSource clock;
    private final String accountId;
    private final Map<String, ArrayDeque<Long>> recentCalls = new ConcurrentHashMap<>();

    ControlCallRates(boolean enabled, InstantSource clock, String accountId) {
        this.enabled = enabled;
        this.clock = clock;
        this.accountId = accountId;
    }

    void admit(String operation) {
        if (!enabled || !OPERATIONS.contains(operation)) {
            return;
        }
        ArrayDeque<Long> calls = recentCalls.computeIfAbsent(operation, key -> new ArrayDeque<>());
        long now = clock.millis();
        synchronized (calls) {
            while (!calls.isEmpty() && calls.peekFirst() <= now - 1000) {
                calls.pollFirst();
            }
            if (calls.size() >= CALLS_PER_SECOND) {
                throw new DeliveryException(DeliveryErrorType.LIMIT_EXCEEDED, "Rate exceeded for " + operation
                    + " under account " + accountId + ".");
            }
            calls.addLast(now);
        }
    }
}
