package dev.freshet.web.kinesis;

import dev.freshet.datastreams.kinesis.DataStreams;
import dev.freshet.datastreams.kinesis.KinesisSettings;
import dev.freshet.web.server.FreshetModule;
import dev.freshet.web.server.ModuleContext;
import dev.freshet.web.server.config.FreshetConfig;
import io.undertow.server.HttpHandler;

import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * Kinesis Data Streams as a server module: keeps its stream metadata under {@code <data-dir>/kinesis}
 * and its shard logs in the server's log engine, and answers {@code Kinesis_20131202.*}. Closing
 * stops its background work; the runtime closes the log engine after every module.
 */
public final class KinesisModule implements FreshetModule {

    public static final String TARGET_PREFIX = "Kinesis_20131202";

    private final DataStreams kinesis;
    private final ScheduledExecutorService timer;
    private final KinesisApi api;

    private KinesisModule(ModuleContext context) {
        FreshetConfig config = context.config();
        Path dataDir = config.absoluteDataDir();
        this.kinesis = new DataStreams(settings(config), context.logs(), dataDir.resolve("kinesis"),
            context.metrics().streams());
        ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "freshet-kinesis-timer");
            thread.setDaemon(true);
            return thread;
        });
        // heartbeat timers of subscriptions are cancelled whenever records arrive first
        timers.setRemoveOnCancelPolicy(true);
        this.timer = timers;
        this.api = new KinesisApi(kinesis, timer);
    }

    /**
     * Opens the module; listed in the server's service assembly. It keeps the module it opened so
     * that modules opened after it can reach its data streams (delivery streams read them).
     */
    public static final class Factory implements FreshetModule.Factory {

        private volatile KinesisModule opened;

        @Override
        public FreshetModule open(ModuleContext context) {
            opened = new KinesisModule(context);
            return opened;
        }

        /** The data streams of the module this factory opened; IllegalStateException before it opened. */
        public DataStreams dataStreams() {
            KinesisModule module = opened;
            if (module == null) {
                throw new IllegalStateException("the Kinesis module must open before the modules that use its streams");
            }
            return module.kinesis;
        }
    }

    @Override
    public Map<String, HttpHandler> targetHandlers() {
        return Map.of(TARGET_PREFIX, api);
    }

    @Override
    public void close() {
        timer.shutdownNow();
        kinesis.close();
    }

    private static KinesisSettings settings(FreshetConfig config) {
        KinesisSettings defaults = KinesisSettings.defaults();
        return new KinesisSettings(config.region(), config.accountId(), config.streamTransition(),
            config.shardIteratorTtl(), config.subscriptionLifetime(), config.enforceLimits(), config.durability(),
            config.segmentBytes(), config.segmentAge(), defaults.shardLimit(), defaults.onDemandStreamLimit(),
            config.onDemandSplitBytesPerSecond(), config.onDemandWindow(), InstantSource.system());
    }
}
