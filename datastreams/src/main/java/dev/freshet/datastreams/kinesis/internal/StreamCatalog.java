package dev.freshet.datastreams.kinesis.internal;

import dev.freshet.datastreams.tokens.SealedTokens;

import dev.freshet.datastreams.kinesis.KinesisErrorType;
import dev.freshet.datastreams.kinesis.KinesisSettings;
import dev.freshet.datastreams.kinesis.StreamMetrics;
import dev.freshet.datastreams.kinesis.StreamRef;
import dev.freshet.datastreams.log.LogConfig;
import dev.freshet.datastreams.log.LogEngine;
import dev.freshet.datastreams.log.ShardLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metadata of every data stream (shards, consumers, tags, settings) and the door to their
 * shard logs. All access runs under one lock, held for microseconds: callers capture what they
 * need (a router, a log) and do I/O after leaving. Changes are persisted through the
 * {@link MetadataStore} before {@link #mutate} returns, outside the lock, in order.
 *
 * <p>Timed phases (CREATING, UPDATING, DELETING) are stored as an end time and applied lazily on
 * the next access, so they survive restarts without a scheduler.
 *
 * <p>Thread-safe.
 */
public final class StreamCatalog {

    private static final Logger LOG = LoggerFactory.getLogger(StreamCatalog.class);
    private static final String LOG_PREFIX = "kds-";
    private static final Pattern STREAM_ARN = Pattern.compile("arn:aws[a-z-]*:kinesis:([^:]*):(\\d{12}):stream/([a-zA-Z0-9_.-]+)");

    private final KinesisSettings settings;
    private final LogEngine engine;
    private final MetadataStore store;
    private final StreamMetrics metrics;
    private final CatalogState state;
    private final SealedTokens tokens;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, ShardRouter> routers = new HashMap<>();
    private final List<String> doomedLogs = new ArrayList<>();
    private long version;
    private long nextTransitionMillis;

    public StreamCatalog(KinesisSettings settings, LogEngine engine, MetadataStore store, StreamMetrics metrics) {
        this.settings = settings;
        this.engine = engine;
        this.store = store;
        this.metrics = metrics;
        this.state = store.load();
        if (state.tokenKey == null) {
            state.tokenKey = Base64.getEncoder().encodeToString(SealedTokens.newKey());
            store.write(++version, store.snapshot(state));
        }
        this.tokens = new SealedTokens(Base64.getDecoder().decode(state.tokenKey));
        openExistingLogs();
    }

    public KinesisSettings settings() {
        return settings;
    }

    public SealedTokens tokens() {
        return tokens;
    }

    public long now() {
        return settings.clock().millis();
    }

    /** Runs {@code action} on the current state under the lock. It must not mutate the state. */
    public <T> T read(Function<CatalogState, T> action) {
        List<String> toDelete;
        T result;
        lock.lock();
        try {
            applyDueTransitions();
            result = action.apply(state);
        } finally {
            toDelete = takeDoomedLogs();
            lock.unlock();
        }
        deleteLogs(toDelete);
        return result;
    }

    /**
     * Runs {@code action} under the lock and persists the result before returning. The action
     * must validate everything before it changes anything: a thrown exception leaves no trace.
     */
    public <T> T mutate(Function<CatalogState, T> action) {
        List<String> toDelete;
        byte[] snapshot;
        long snapshotVersion;
        T result;
        lock.lock();
        try {
            applyDueTransitions();
            result = action.apply(state);
            routers.clear();
            snapshot = store.snapshot(state);
            snapshotVersion = ++version;
        } finally {
            toDelete = takeDoomedLogs();
            lock.unlock();
        }
        store.write(snapshotVersion, snapshot);
        deleteLogs(toDelete);
        return result;
    }

    /** The stream a request names, or ResourceNotFoundException. Call under the lock. */
    public StreamRecord require(CatalogState current, StreamRef ref) {
        String name = resolveName(ref);
        StreamRecord stream = current.streams.get(name);
        if (stream == null) {
            throw notFound(name);
        }
        return stream;
    }

    /** Like {@link #require} but the stream must accept reads and writes (ACTIVE or UPDATING). */
    public StreamRecord requireReadable(CatalogState current, StreamRef ref) {
        StreamRecord stream = require(current, ref);
        if (!stream.status.equals("ACTIVE") && !stream.status.equals("UPDATING")) {
            throw notFound(stream.name);
        }
        return stream;
    }

    /** Like {@link #require} but the stream must be ACTIVE (for changes to its shape or settings). */
    public StreamRecord requireActive(CatalogState current, StreamRef ref) {
        StreamRecord stream = require(current, ref);
        if (!stream.status.equals("ACTIVE")) {
            throw KinesisErrorType.RESOURCE_IN_USE.exception("Stream %s under account %s not ACTIVE, instead in state %s",
                stream.name, settings.accountId(), stream.status);
        }
        return stream;
    }

    public String resolveName(StreamRef ref) {
        if (ref.arn() == null && ref.name() == null) {
            throw KinesisErrorType.INVALID_ARGUMENT.exception("Either StreamName or StreamARN must be provided.");
        }
        if (ref.arn() == null) {
            return ref.name();
        }
        Matcher arn = STREAM_ARN.matcher(ref.arn());
        if (!arn.matches()) {
            throw KinesisErrorType.INVALID_ARGUMENT.exception("Invalid StreamARN %s.", ref.arn());
        }
        if (ref.name() != null && !ref.name().equals(arn.group(3))) {
            throw KinesisErrorType.INVALID_ARGUMENT.exception(
                "StreamARN %s and StreamName %s do not name the same stream.", ref.arn(), ref.name());
        }
        if (!arn.group(1).equals(settings.region()) || !arn.group(2).equals(settings.accountId())) {
            throw KinesisErrorType.RESOURCE_NOT_FOUND.exception("Stream %s under account %s not found.",
                arn.group(3), arn.group(2));
        }
        return arn.group(3);
    }

    public RuntimeException notFound(String streamName) {
        return KinesisErrorType.RESOURCE_NOT_FOUND.exception("Stream %s under account %s not found.", streamName,
            settings.accountId());
    }

    /** The router over the stream's open shards (cached until the next change). Call under the lock. */
    public ShardRouter router(StreamRecord stream) {
        return routers.computeIfAbsent(stream.id, id -> {
            List<ShardRecord> open = stream.shards.stream().filter(ShardRecord::isOpen).toList();
            return new ShardRouter(open, open.stream().map(shard -> log(stream, shard)).toList());
        });
    }

    /** The shard's log, opened (and recovered) on first use. */
    public ShardLog log(StreamRecord stream, ShardRecord shard) {
        return engine.open(logId(stream, shard), logConfig(stream));
    }

    public LogConfig logConfig(StreamRecord stream) {
        return new LogConfig(settings.segmentBytes(), settings.segmentAge(), Duration.ofHours(stream.retentionHours),
            LogConfig.DEFAULT_INDEX_INTERVAL, settings.durability());
    }

    /** Starts a timed phase; {@link #applyDueTransitions} ends it. Call under the lock. */
    public void beginPhase(StreamRecord stream, String status) {
        stream.status = status;
        stream.statusUntilMillis = now() + settings.transitionDelay().toMillis();
        nextTransitionMillis = Math.min(nextTransitionMillis, stream.statusUntilMillis);
        applyDueTransitions();
    }

    public void beginPhase(ConsumerRecord consumer, String status) {
        consumer.status = status;
        consumer.statusUntilMillis = now() + settings.transitionDelay().toMillis();
        nextTransitionMillis = Math.min(nextTransitionMillis, consumer.statusUntilMillis);
        applyDueTransitions();
    }

    /** Queues the logs of shards or streams that are gone for deletion once the lock is released. */
    public void doom(StreamRecord stream, ShardRecord shard) {
        doomedLogs.add(logId(stream, shard));
    }

    private void applyDueTransitions() {
        long now = now();
        if (now < nextTransitionMillis) {
            return;
        }
        long next = Long.MAX_VALUE;
        for (Iterator<StreamRecord> it = state.streams.values().iterator(); it.hasNext(); ) {
            StreamRecord stream = it.next();
            if (!stream.status.equals("ACTIVE") && stream.statusUntilMillis <= now) {
                if (stream.status.equals("DELETING")) {
                    it.remove();
                    removeStream(stream);
                    continue;
                }
                stream.status = "ACTIVE";
            }
            if (!stream.status.equals("ACTIVE")) {
                next = Math.min(next, stream.statusUntilMillis);
            }
            next = Math.min(next, applyConsumerTransitions(stream, now));
        }
        nextTransitionMillis = next;
    }

    private long applyConsumerTransitions(StreamRecord stream, long now) {
        long next = Long.MAX_VALUE;
        for (Iterator<ConsumerRecord> it = stream.consumers.iterator(); it.hasNext(); ) {
            ConsumerRecord consumer = it.next();
            if (consumer.status.equals("ACTIVE")) {
                continue;
            }
            if (consumer.statusUntilMillis > now) {
                next = Math.min(next, consumer.statusUntilMillis);
            } else if (consumer.status.equals("DELETING")) {
                it.remove();
            } else {
                consumer.status = "ACTIVE";
            }
        }
        return next;
    }

    private void removeStream(StreamRecord stream) {
        for (ShardRecord shard : stream.shards) {
            doom(stream, shard);
        }
        routers.remove(stream.id);
        metrics.streamRemoved(stream.name);
        LOG.atInfo().setMessage("stream deleted").addKeyValue("stream", stream.name).log();
    }

    private List<String> takeDoomedLogs() {
        if (doomedLogs.isEmpty()) {
            return List.of();
        }
        List<String> taken = List.copyOf(doomedLogs);
        doomedLogs.clear();
        return taken;
    }

    private void deleteLogs(List<String> ids) {
        for (String id : ids) {
            engine.delete(id);
        }
    }

    /**
     * Opens every shard log the metadata names, so recovery runs at start rather than on the first
     * request, and deletes data-stream logs the metadata no longer names (left by a crash between
     * a deletion and its log removal).
     */
    private void openExistingLogs() {
        java.util.Set<String> known = new java.util.HashSet<>();
        for (StreamRecord stream : state.streams.values()) {
            for (ShardRecord shard : stream.shards) {
                known.add(log(stream, shard).id());
            }
        }
        for (String id : engine.ids()) {
            if (id.startsWith(LOG_PREFIX) && !known.contains(id)) {
                LOG.atWarn().setMessage("deleting shard log of a stream that no longer exists").addKeyValue("log", id).log();
                engine.delete(id);
            }
        }
    }

    /** Data-stream logs are {@code kds-<streamId>-<shardId>}; other services use other prefixes. */
    private static String logId(StreamRecord stream, ShardRecord shard) {
        return LOG_PREFIX + stream.id + "-" + shard.id;
    }
}
