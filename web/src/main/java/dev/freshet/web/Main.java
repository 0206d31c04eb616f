package dev.freshet.web;

import dev.freshet.web.metrics.Metrics;
import dev.freshet.web.server.FreshetRuntime;
import dev.freshet.web.server.ServiceAssembly;
import dev.freshet.web.server.StartupException;
import dev.freshet.web.server.config.ConfigException;
import dev.freshet.web.server.config.ConfigParser;
import dev.freshet.web.server.config.FreshetConfig;
import dev.freshet.web.server.logging.LoggingSetup;
import org.slf4j.LoggerFactory;

/**
 * Starts Freshet: {@code java -jar freshet.jar [--key value]...}. Exit codes: 0 after
 * {@code --help}; 2 for a bad configuration (message and usage on stderr); 1 when the server
 * cannot start (a port is taken, a module fails). Once started it runs until SIGTERM/SIGINT,
 * when a shutdown hook drains requests and closes the storage.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        LoggingSetup.useSlf4jForJbossLogging();
        if (ConfigParser.wantsHelp(args)) {
            System.out.print(ConfigParser.usage());
            return;
        }
        FreshetConfig config = parse(args);
        LoggingSetup.configure(config.logFormat(), config.logLevel());
        try {
            FreshetRuntime runtime = FreshetRuntime.start(config, Metrics.withJvmMetrics(),
                ServiceAssembly.factories());
            Runtime.getRuntime().addShutdownHook(new Thread(runtime::stop, "freshet-shutdown"));
        } catch (StartupException e) {
            LoggerFactory.getLogger(Main.class).error("Freshet cannot start: {}", e.getMessage());
            System.exit(1);
        }
    }

    private static FreshetConfig parse(String[] args) {
        try {
            return new ConfigParser(System.getenv()).parse(args);
        } catch (ConfigException e) {
            System.err.println("freshet: " + e.getMessage());
            System.err.println();
            System.err.print(ConfigParser.usage());
            System.exit(2);
            throw new AssertionError("unreachable");
        }
    }
}
