package dev.freshet.web.kinesis;

import dev.freshet.datastreams.kinesis.DataStreams;
import dev.freshet.datastreams.kinesis.KinesisSettings;
import dev.freshet.datastreams.log.internal.FileLogEngine;
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
 * Kinesis Data Streams as a server module: opens the shard logs under {@code <data-dir>/logs} and
 * the stream metadata under {@code <data-dir>/kinesis}, and answers {@code Kinesis_20131202.*}.
 * Closing stops background work and closes the logs cleanly (so the next start skips recovery scans).
 */
public final class KinesisModule implements FreshetModule {

    public static final String TARGET_PREFIX = "Kinesis_20131202";

    private final FileLogEngine engine;
    private final DataStreams kinesis;
    private final ScheduledExecutorService timer;
    private final KinesisApi api;

    private KinesisModule(ModuleContext context) {
        FreshetConfig config = context.config();
        Path dataDir = config.absoluteDataDir();
        this.engine = new FileLogEngine(dataDir.resolve("logs"), InstantSource.system(), config.retentionCheckInterval());
        this.kinesis = new DataStreams(settings(config), engine, dataDir.resolve("kinesis"), context.metrics().streams());
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

    /** Opens the module; listed in the server's service assembly. */
    public static final class Factory implements FreshetModule.Factory {
        @Override
        public FreshetModule open(ModuleContext context) {
            return new KinesisModule(context);
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
        engine.close();
    }

    private static KinesisSettings settings(FreshetConfig config) {
        KinesisSettings defaults = KinesisSettings.defaults();
        return new KinesisSettings(config.region(), config.accountId(), config.streamTransition(),
            config.shardIteratorTtl(), config.subscriptionLifetime(), config.enforceLimits(), config.durability(),
            config.segmentBytes(), config.segmentAge(), defaults.shardLimit(), defaults.onDemandStreamLimit(),
            config.onDemandSplitBytesPerSecond(), config.onDemandWindow(), InstantSource.system());
    }
}
