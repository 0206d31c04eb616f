package dev.freshet.web.server;

import dev.freshet.datastreams.log.LogEngine;
import dev.freshet.web.metrics.Metrics;
import dev.freshet.web.server.config.FreshetConfig;
import java.util.Objects;

/**
 * What a module gets when it opens: the server's settings (data directory, durability, region,
 * account, timings, limits), its metrics ({@code metrics.streams()} is the {@code StreamMetrics}
 * for the Kinesis services; {@code metrics.registry()} takes a module's own), and the one storage
 * engine every module writes its shard logs into ({@code <data-dir>/logs}).
 *
 * @param config  the validated settings
 * @param metrics the server's metrics
 * @param logs    the shard log engine, opened before the modules and closed after them
 */
public record ModuleContext(FreshetConfig config, Metrics metrics, LogEngine logs) {

    public ModuleContext {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(logs, "logs");
    }
}
