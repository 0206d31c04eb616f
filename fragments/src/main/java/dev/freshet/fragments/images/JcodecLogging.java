package dev.freshet.fragments.images;

import org.jcodec.common.logging.LogLevel;
import org.jcodec.common.logging.LogSink;
import org.jcodec.common.logging.Logger;
import org.jcodec.common.logging.Message;
import org.slf4j.LoggerFactory;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sends JCodec's log messages to SLF4J (logger {@code org.jcodec}) instead of standard output.
 *
 * <p>JCodec 0.2.5 logs through one static {@link Logger}: the first message it posts fixes its
 * sinks, and when none was added by then it prints to {@code System.out} for the rest of the JVM's
 * life. No call can silence one decoder alone, so this is a process-wide switch: the server calls
 * it once at start-up, before anything decodes. Calls after JCodec has logged change nothing.
 *
 * <p>Thread-safe; idempotent.
 */
public final class JcodecLogging {

    private static final AtomicBoolean INSTALLED = new AtomicBoolean();

    private JcodecLogging() {
    }

    /** Adds the SLF4J sink (once). */
    public static void routeToSlf4j() {
        if (INSTALLED.compareAndSet(false, true)) {
            Logger.addSink(new Slf4jSink());
        }
    }

    private static final class Slf4jSink implements LogSink {
        private final org.slf4j.Logger log = LoggerFactory.getLogger("org.jcodec");

        @Override
        public void postMessage(Message message) {
            String text = message.getMessage();
            LogLevel level = message.getLevel();
            if (level == LogLevel.ERROR) {
                log.error("{}", text);
            } else if (level == LogLevel.WARN) {
                log.warn("{}", text);
            } else {
                log.debug("{}", text);
            }
        }
    }
}
