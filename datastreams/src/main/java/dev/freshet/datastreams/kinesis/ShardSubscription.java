package dev.freshet.datastreams.kinesis;

import dev.freshet.datastreams.kinesis.internal.SequenceNumbers;
import dev.freshet.datastreams.kinesis.internal.ShardReads;
import dev.freshet.datastreams.kinesis.internal.ShardRecord;
import dev.freshet.datastreams.log.ReadResult;
import dev.freshet.datastreams.log.ShardLog;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * One SubscribeToShard subscription: a cursor on a shard log that the HTTP layer drives — poll for
 * an event, or await the next append (the log wakes it, no polling sleep) — until the shard ends,
 * the subscription's lifetime runs out, or a newer subscription of the same consumer and shard
 * takes over.
 *
 * <p>Not thread-safe: one driver at a time; {@link #supersede()} may come from any thread.
 */
public final class ShardSubscription {

    /** Records per event and bytes per event, as the service caps them. */
    public static final int MAX_EVENT_RECORDS = 10_000;
    public static final long MAX_EVENT_BYTES = 2L * 1024 * 1024;

    private final String streamName;
    private final String consumerArn;
    private final ShardRecord shard;
    private final ShardLog log;
    /** The shard's final end once it is known closed (at subscription start or when its log is sealed). */
    private Long closedEnd;
    private final String encryptionType;
    private final Supplier<List<ChildShard>> children;
    private final ThroughputLimits limits;
    private final StreamMetrics metrics;
    private final boolean shardLevel;
    private final long expiresAtMillis;
    private long next;
    private long lastArrivalMillis;
    private boolean ended;
    private volatile boolean superseded;

    ShardSubscription(Subscriptions.Start start, long position, ThroughputLimits limits, StreamMetrics metrics) {
        this.streamName = start.streamName();
        this.consumerArn = start.consumerArn();
        this.shard = start.shard();
        this.log = start.log();
        this.closedEnd = start.closedEnd();
        this.encryptionType = start.encryptionType();
        this.children = start.children();
        this.shardLevel = start.shardLevel();
        this.expiresAtMillis = start.expiresAtMillis();
        this.limits = limits;
        this.metrics = metrics;
        this.next = position;
        this.lastArrivalMillis = shard.createdMillis;
    }

    public String shardId() {
        return shard.id;
    }

    public long expiresAtMillis() {
        return expiresAtMillis;
    }

    /** True once the shard was delivered to its end or another subscription took over. */
    public boolean isEnded() {
        return ended || superseded;
    }

    public boolean isSuperseded() {
        return superseded;
    }

    void supersede() {
        superseded = true;
    }

    /**
     * The next event if records are waiting (or the closed shard's end was reached); empty when
     * there is nothing new, or when the consumer's 2 MiB/s budget is spent (see {@link #pacingDelayMillis}).
     */
    public Optional<SubscriptionEvent> poll(long nowMillis) {
        if (isEnded() || pacingDelayMillis() > 0) {
            return Optional.empty();
        }
        if (closedEnd == null && log.isSealed()) {
            closedEnd = log.endSequence();
        }
        ReadResult read = log.read(next, MAX_EVENT_RECORDS, MAX_EVENT_BYTES);
        boolean atEnd = closedEnd != null && read.nextSequence() >= closedEnd;
        if (read.records().isEmpty() && !atEnd) {
            next = read.nextSequence();
            return Optional.empty();
        }
        return Optional.of(deliver(read, atEnd, nowMillis));
    }

    /** An event with no records, telling the consumer where it stands (sent when idle). */
    public SubscriptionEvent heartbeat(long nowMillis) {
        return new SubscriptionEvent(List.of(), continuation(), ShardReads.millisBehind(log, next, nowMillis), null);
    }

    /** Completes when the log grows past what was delivered, or the shard is sealed. */
    public CompletableFuture<Void> awaitRecords() {
        return log.awaitBeyond(next);
    }

    /** Milliseconds to wait before the next event fits the consumer's fan-out budget (limits mode). */
    public long pacingDelayMillis() {
        return limits.fanOutDelay(consumerArn, shard.id, 0);
    }

    private SubscriptionEvent deliver(ReadResult read, boolean atEnd, long nowMillis) {
        limits.fanOutDelay(consumerArn, shard.id, read.bytes());
        next = read.nextSequence();
        if (!read.records().isEmpty()) {
            lastArrivalMillis = read.records().get(read.records().size() - 1).timestamp();
        }
        metrics.outgoing(streamName, shard.id, shardLevel, read.records().size(), read.bytes());
        long behind = ShardReads.millisBehind(log, next, nowMillis);
        metrics.iteratorAge(streamName, shard.id, shardLevel, read.caughtUp() ? 0 : Math.max(0, nowMillis - lastArrivalMillis));
        List<KinesisRecord> records = ShardReads.present(shard, read.records(), encryptionType);
        if (atEnd) {
            ended = true;
            return new SubscriptionEvent(records, null, behind, children.get());
        }
        return new SubscriptionEvent(records, continuation(), behind, null);
    }

    private String continuation() {
        return SequenceNumbers.format(shard.createdSeconds(), shard.index, next, lastArrivalMillis / 1000);
    }
}
