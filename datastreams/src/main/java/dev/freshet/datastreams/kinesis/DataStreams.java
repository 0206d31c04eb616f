package dev.freshet.datastreams.kinesis;

import dev.freshet.datastreams.kinesis.internal.MetadataStore;
import dev.freshet.datastreams.kinesis.internal.ShardRecord;
import dev.freshet.datastreams.kinesis.internal.ShardViews;
import dev.freshet.datastreams.kinesis.internal.StreamCatalog;
import dev.freshet.datastreams.kinesis.internal.StreamRecord;
import dev.freshet.datastreams.log.LogEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The Kinesis Data Streams service, as plain Java: the composition root of the per-area services
 * (streams, settings, shards, records, consumers, subscriptions, tags, policies, account), all
 * over one {@link StreamCatalog} and the shard logs of a {@link LogEngine}. It also runs the
 * housekeeping: on-demand scaling and removal of closed shards whose data expired.
 *
 * <p>Thread-safe.
 */
public final class DataStreams implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DataStreams.class);

    private final StreamCatalog catalog;
    private final ThroughputLimits limits;
    private final StreamLifecycle streams;
    private final StreamSettings settings;
    private final ShardListing shards;
    private final Resharding resharding;
    private final RecordWriter writer;
    private final RecordReader reader;
    private final Consumers consumers;
    private final Subscriptions subscriptions;
    private final Tagging tags;
    private final ResourcePolicies policies;
    private final AccountSettings account;
    private final ScheduledExecutorService housekeeping;

    public DataStreams(KinesisSettings config, LogEngine engine, Path metadataDir, StreamMetrics metrics) {
        this.catalog = new StreamCatalog(config, engine, new MetadataStore(metadataDir), metrics);
        this.limits = new ThroughputLimits(config.enforceLimits(), config.clock());
        this.streams = new StreamLifecycle(catalog);
        this.settings = new StreamSettings(catalog);
        this.shards = new ShardListing(catalog);
        this.resharding = new Resharding(catalog, streams);
        ShardTraffic traffic = new ShardTraffic();
        this.writer = new RecordWriter(catalog, limits, metrics, traffic);
        this.reader = new RecordReader(catalog, limits, metrics);
        this.consumers = new Consumers(catalog);
        this.subscriptions = new Subscriptions(catalog, consumers, limits, metrics);
        this.tags = new Tagging(catalog, consumers);
        this.policies = new ResourcePolicies(catalog, consumers);
        this.account = new AccountSettings(catalog);
        this.housekeeping = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "freshet-kinesis-housekeeping");
            thread.setDaemon(true);
            return thread;
        });
        OnDemandScaler scaler = new OnDemandScaler(traffic, resharding, config.onDemandSplitBytesPerSecond());
        long window = Math.max(100, config.onDemandWindow().toMillis());
        housekeeping.scheduleWithFixedDelay(() -> quietly("on-demand scaling", () -> scaler.check(window)),
            window, window, TimeUnit.MILLISECONDS);
        housekeeping.scheduleWithFixedDelay(() -> quietly("expired shard removal", this::removeExpiredShards),
            1, 1, TimeUnit.MINUTES);
    }

    public StreamLifecycle streams() {
        return streams;
    }

    public StreamSettings settings() {
        return settings;
    }

    public ShardListing shards() {
        return shards;
    }

    public Resharding resharding() {
        return resharding;
    }

    public RecordWriter writer() {
        return writer;
    }

    public RecordReader reader() {
        return reader;
    }

    public Consumers consumers() {
        return consumers;
    }

    public Subscriptions subscriptions() {
        return subscriptions;
    }

    public Tagging tags() {
        return tags;
    }

    public ResourcePolicies policies() {
        return policies;
    }

    public AccountSettings account() {
        return account;
    }

    public ThroughputLimits limits() {
        return limits;
    }

    public KinesisSettings config() {
        return catalog.settings();
    }

    /**
     * Limits mode: LimitExceededException when {@code operation} is past its documented rate for
     * its scope (account, the named stream, or shard). A no-op when limits are off.
     */
    public void admitControlCall(String operation, String streamName, String shardId) {
        String scope = switch (ControlPlaneRates.scope(operation)) {
            case ACCOUNT -> "";
            case STREAM -> String.valueOf(streamName);
            case SHARD -> streamName + "/" + shardId;
        };
        if (!limits.admitControl(operation, scope)) {
            throw KinesisErrorType.LIMIT_EXCEEDED.exception("Rate exceeded for %s%s under account %s.", operation,
                streamName == null ? "" : " on stream " + streamName, catalog.settings().accountId());
        }
    }

    /** Drops closed shards whose every record is past retention, and deletes their logs. */
    void removeExpiredShards() {
        boolean any = catalog.read(state -> state.streams.values().stream()
            .anyMatch(stream -> ShardViews.visible(stream, catalog.now()).size() < stream.shards.size()));
        if (!any) {
            return;
        }
        catalog.mutate(state -> {
            long now = catalog.now();
            for (StreamRecord stream : state.streams.values()) {
                List<ShardRecord> visible = ShardViews.visible(stream, now);
                for (ShardRecord shard : List.copyOf(stream.shards)) {
                    if (!visible.contains(shard)) {
                        stream.shards.remove(shard);
                        catalog.doom(stream, shard);
                    }
                }
            }
            return null;
        });
    }

    @Override
    public void close() {
        housekeeping.shutdownNow();
    }

    private static void quietly(String what, Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.atError().setMessage("housekeeping failed").addKeyValue("task", what).setCause(e).log();
        }
    }
}
