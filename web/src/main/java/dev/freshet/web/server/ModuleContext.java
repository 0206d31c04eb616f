package dev.freshet.web.server;

import dev.freshet.web.metrics.Metrics;
import dev.freshet.web.server.config.FreshetConfig;
import java.util.Objects;

/**
 * What a module gets when it opens: the server's settings (data directory, durability, region,
 * account, timings, limits) and its metrics ({@code metrics.streams()} is the
 * {@code StreamMetrics} for the Kinesis services; {@code metrics.registry()} takes a module's own).
 *
 * @param config  the validated settings
 * @param metrics the server's metrics
 */
public record ModuleContext(FreshetConfig config, Metrics metrics) {

    public ModuleContext {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(metrics, "metrics");
    }
}
