package dev.freshet.datastreams.kinesis;

import dev.freshet.datastreams.kinesis.internal.ShardReads;
import dev.freshet.datastreams.kinesis.internal.ShardRecord;
import dev.freshet.datastreams.kinesis.internal.StreamCatalog;
import dev.freshet.datastreams.log.ShardLog;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * SubscribeToShard: opens {@link ShardSubscription}s for ACTIVE consumers. As the service rules
 * it, a consumer may subscribe to a shard at most once per 5 seconds (ResourceInUseException
 * otherwise), and a newer subscription takes over from the older one, which ends.
 *
 * <p>Thread-safe.
 */
public final class Subscriptions {

    static final long RESUBSCRIBE_MILLIS = 5_000;

    private final StreamCatalog catalog;
    private final Consumers consumers;
    private final ThroughputLimits limits;
    private final StreamMetrics metrics;
    private final Map<String, Active> active = new ConcurrentHashMap<>();

    private record Active(ShardSubscription subscription, long startedMillis) {
    }

    /** What a subscription needs from the metadata, captured under the catalog lock. */
    record Start(String streamName, String consumerArn, ShardRecord shard, ShardLog log, Long closedEnd,
                 String encryptionType, Supplier<List<ChildShard>> children, boolean shardLevel, long expiresAtMillis) {
    }

    public Subscriptions(StreamCatalog catalog, Consumers consumers, ThroughputLimits limits, StreamMetrics metrics) {
        this.catalog = catalog;
        this.consumers = consumers;
        this.limits = limits;
        this.metrics = metrics;
    }

    /** Where the subscription starts: an iterator type with its sequence number or timestamp. */
    public record StartingPosition(String type, String sequenceNumber, Instant timestamp) {
    }

    public ShardSubscription subscribe(String consumerArn, String shardId, StartingPosition position) {
        long now = catalog.now();
        Opened opened = catalog.read(state -> {
            Consumers.Found found = consumers.find(state, null, null, consumerArn);
            if (!found.consumer().status.equals("ACTIVE")) {
                throw KinesisErrorType.RESOURCE_IN_USE.exception("Consumer %s is not ACTIVE, it is %s.", consumerArn,
                    found.consumer().status);
            }
            var stream = found.stream();
            ShardRecord shard = ShardReads.requireShard(catalog, stream, shardId);
            ShardLog log = catalog.log(stream, shard);
            long sequence = ShardReads.startSequence(catalog, stream, shard, log, position.type(),
                position.sequenceNumber(), position.timestamp());
            boolean shardLevel = stream.shardLevelMetrics.contains("OutgoingBytes")
                || stream.shardLevelMetrics.contains("OutgoingRecords");
            Start start = new Start(stream.name, consumerArn, shard, log, shard.isOpen() ? null : shard.endSequence,
                stream.encryptionType, () -> catalog.read(s -> ShardReads.children(stream, shard)), shardLevel,
                now + catalog.settings().subscriptionLifetime().toMillis());
            return new Opened(start, sequence);
        });
        return register(consumerArn + "|" + shardId,
            new ShardSubscription(opened.start(), opened.sequence(), limits, metrics), now);
    }

    private record Opened(Start start, long sequence) {
    }

    private synchronized ShardSubscription register(String key, ShardSubscription subscription, long now) {
        Active previous = active.get(key);
        if (previous != null && !previous.subscription().isEnded() && now - previous.startedMillis() < RESUBSCRIBE_MILLIS) {
            throw KinesisErrorType.RESOURCE_IN_USE.exception(
                "Another subscription of this consumer to shard %s started less than 5 seconds ago.",
                subscription.shardId());
        }
        if (previous != null) {
            previous.subscription().supersede();
        }
        active.put(key, new Active(subscription, now));
        return subscription;
    }
}
