package dev.freshet.web.server.logging;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import dev.freshet.web.server.config.LogFormat;
import java.net.URL;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;
import org.slf4j.event.Level;

/**
 * Points all logging at stdout in the chosen {@link LogFormat}: loads {@code logback.xml} (text) or
 * {@code freshet-logback-json.xml} (one JSON object per line) from the classpath, and routes
 * java.util.logging through SLF4J. Undertow and XNIO log through jboss-logging, which uses SLF4J
 * once {@link #useSlf4jForJbossLogging()} ran. A {@code -Dlogback.configurationFile} given by
 * the operator wins: then only the JUL bridge is installed.
 *
 * <p>Call from {@code main} before the server starts; not meant for concurrent use.
 */
public final class LoggingSetup {

    static final String TEXT_CONFIG = "logback.xml";
    static final String JSON_CONFIG = "freshet-logback-json.xml";
    static final String FRESHET_LOGGERS = "dev.freshet";

    private LoggingSetup() {
    }

    /** Makes jboss-logging (Undertow, XNIO) pick SLF4J; must run before those classes log. */
    public static void useSlf4jForJbossLogging() {
        System.setProperty("org.jboss.logging.provider", "slf4j");
    }

    /**
     * Configures logback for the format, sets the level of the {@code dev.freshet} loggers and
     * bridges java.util.logging to SLF4J.
     */
    public static void configure(LogFormat format, Level level) {
        if (System.getProperty("logback.configurationFile") == null) {
            load(format == LogFormat.JSON ? JSON_CONFIG : TEXT_CONFIG);
            setLevel(FRESHET_LOGGERS, level);
        }
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
    }

    private static void setLevel(String loggerName, Level level) {
        if (LoggerFactory.getLogger(loggerName) instanceof ch.qos.logback.classic.Logger logger) {
            logger.setLevel(ch.qos.logback.classic.Level.convertAnSLF4JLevel(level));
        }
    }

    private static void load(String resource) {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            load(context, resource);
        }
    }

    /** Replaces the context's configuration with the classpath resource. */
    static void load(LoggerContext context, String resource) {
        URL url = LoggingSetup.class.getClassLoader().getResource(resource);
        if (url == null) {
            throw new IllegalStateException("logging configuration " + resource + " is missing");
        }
        context.reset();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(url);
        } catch (JoranException e) {
            throw new IllegalStateException("logging configuration " + resource + " is broken", e);
        }
    }
}
