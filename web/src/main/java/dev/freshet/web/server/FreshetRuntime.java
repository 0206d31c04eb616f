package dev.freshet.web.server;

import dev.freshet.datastreams.log.LogEngine;
import dev.freshet.datastreams.log.LogException;
import dev.freshet.datastreams.log.internal.FileLogEngine;
import dev.freshet.web.metrics.Metrics;
import dev.freshet.web.server.config.FreshetConfig;
import io.undertow.server.HttpHandler;
import java.io.IOException;
import java.nio.file.Files;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Freshet: the data directory, the opened modules and the server over them. Starting
 * opens the modules in order, then binds the server and logs where it listens; stopping drains the
 * server, closes the modules in reverse order (which flushes storage) and logs that it stopped.
 *
 * <p>Thread-safe: {@link #stop()} may be called from a shutdown hook while other threads serve;
 * it runs at most once.
 */
public final class FreshetRuntime {

    private static final Logger LOG = LoggerFactory.getLogger(FreshetRuntime.class);

    private final FreshetConfig config;
    private final LogEngine logs;
    private final List<FreshetModule> modules;
    private final FreshetServer server;
    private boolean stopped;

    private FreshetRuntime(FreshetConfig config, LogEngine logs, List<FreshetModule> modules, FreshetServer server) {
        this.config = config;
        this.logs = logs;
        this.modules = modules;
        this.server = server;
    }

    /**
     * Opens the storage engine and the modules, starts the server and logs the one line saying
     * where it listens.
     */
    public static FreshetRuntime start(FreshetConfig config, Metrics metrics, List<FreshetModule.Factory> factories)
        throws StartupException {
        createDataDir(config);
        LogEngine logs = openLogs(config);
        List<FreshetModule> modules;
        FreshetServer server;
        try {
            modules = openModules(factories, new ModuleContext(config, metrics, logs));
            server = new FreshetServer(config, handlers(modules), pathRoutes(modules), metrics, new WireErrorResponder());
            startOrClose(server, modules);
        } catch (StartupException | RuntimeException e) {
            logs.close();
            throw e;
        }
        FreshetRuntime runtime = new FreshetRuntime(config, logs, modules, server);
        runtime.logListening();
        return runtime;
    }

    public FreshetServer server() {
        return server;
    }

    /** Drains and stops the server, then closes the modules; later calls do nothing. */
    public void stop() {
        synchronized (this) {
            if (stopped) {
                return;
            }
            stopped = true;
        }
        LOG.info("Freshet stopping: draining in-flight requests for up to {} ms", config.shutdownGrace().toMillis());
        modules.forEach(FreshetRuntime::tellStopping);
        boolean drained = server.stop(config.shutdownGrace());
        closeModules(modules);
        logs.close();
        LOG.atInfo().setMessage("Freshet stopped").addKeyValue("drained", drained).log();
    }

    private static void tellStopping(FreshetModule module) {
        try {
            module.stopping();
        } catch (RuntimeException e) {
            LOG.warn("Module {} failed to prepare for stopping", module.getClass().getName(), e);
        }
    }

    private static void createDataDir(FreshetConfig config) throws StartupException {
        try {
            Files.createDirectories(config.absoluteDataDir());
        } catch (IOException e) {
            throw new StartupException("Cannot create data directory " + config.absoluteDataDir() + ": " + e, e);
        }
    }

    private static LogEngine openLogs(FreshetConfig config) throws StartupException {
        try {
            return new FileLogEngine(config.absoluteDataDir().resolve("logs"), InstantSource.system(),
                config.retentionCheckInterval());
        } catch (LogException e) {
            throw new StartupException("Cannot open the shard logs: " + e.getMessage(), e);
        }
    }

    private static void startOrClose(FreshetServer server, List<FreshetModule> modules) throws StartupException {
        try {
            server.start();
        } catch (StartupException e) {
            closeModules(modules);
            throw e;
        }
    }

    private static List<PathRoute> pathRoutes(List<FreshetModule> modules) {
        List<PathRoute> routes = new ArrayList<>();
        modules.forEach(module -> routes.addAll(module.pathRoutes()));
        return routes;
    }

    private static List<FreshetModule> openModules(List<FreshetModule.Factory> factories, ModuleContext context)
        throws StartupException {
        List<FreshetModule> opened = new ArrayList<>();
        for (FreshetModule.Factory factory : factories) {
            try {
                opened.add(factory.open(context));
            } catch (Exception e) {
                closeModules(opened);
                throw new StartupException("Cannot open module " + factory.getClass().getName() + ": " + e, e);
            }
        }
        return opened;
    }

    private static Map<String, HttpHandler> handlers(List<FreshetModule> modules) throws StartupException {
        Map<String, HttpHandler> handlers = new HashMap<>();
        for (FreshetModule module : modules) {
            for (Map.Entry<String, HttpHandler> entry : module.targetHandlers().entrySet()) {
                if (handlers.putIfAbsent(entry.getKey(), entry.getValue()) != null) {
                    closeModules(modules);
                    throw new StartupException("Two modules handle X-Amz-Target prefix " + entry.getKey(), null);
                }
            }
        }
        return handlers;
    }

    private static void closeModules(List<FreshetModule> modules) {
        for (int i = modules.size() - 1; i >= 0; i--) {
            try {
                modules.get(i).close();
            } catch (RuntimeException e) {
                LOG.error("Module {} failed to close", modules.get(i).getClass().getName(), e);
            }
        }
    }

    private void logListening() {
        String https = server.httpsUri().map(uri -> " and " + uri).orElse("");
        LOG.atInfo().setMessage("Freshet listening on {}{} (data: {})")
            .addArgument(server.httpUri()).addArgument(https).addArgument(config.absoluteDataDir())
            .addKeyValue("version", BuildInfo.version())
            .log();
    }
}
