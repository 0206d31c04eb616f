package dev.freshet.fragments.images;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Runs decoding work on a thread of its own and ends that thread when one decoder call runs past a
 * time limit. JCodec 0.2.5 can loop forever on corrupt CABAC data: past the end of a slice its
 * arithmetic decoder reads zero bits, and {@code CABAC.readMBQpDelta} counts 1-bins with no bound.
 * No JCodec call can be interrupted, so an overrunning thread is stopped with {@link Thread#stop()}
 * — safe here, as the work shares no state and holds no lock — on Java 17 to 19; later Java versions
 * refuse, and the thread is then abandoned to its loop and reported as an error.
 *
 * <p>Only calls wrapped in {@link #step} are timed, so slow work between them (encoding a large
 * PNG) never counts. One watchdog per job; {@link #step} is called from the worker, {@link #run}
 * from the caller.
 */
final class DecodeWatchdog {

    private static final Logger LOG = LoggerFactory.getLogger(DecodeWatchdog.class);
    private static final long POLL_MILLIS = 50;

    private final long limitNanos;
    /** When the running step began (System.nanoTime, never 0); 0 while no step runs. */
    private volatile long stepStarted;

    DecodeWatchdog(Duration stepLimit) {
        this.limitNanos = stepLimit.toNanos();
    }

    /** Runs one timed decoder call on the worker thread. */
    <T> T step(Supplier<T> call) {
        stepStarted = System.nanoTime() | 1;
        try {
            return call.get();
        } finally {
            stepStarted = 0;
        }
    }

    /**
     * Runs {@code work} on a new daemon thread and waits for it; false when a step overran and the
     * thread was stopped or abandoned (or the caller was interrupted while waiting).
     */
    boolean run(Runnable work, String threadName) {
        Thread worker = new Thread(work, threadName);
        worker.setDaemon(true);
        worker.setUncaughtExceptionHandler((thread, e) -> LOG.debug("{} ended by {}", thread.getName(), e.toString()));
        worker.start();
        try {
            while (true) {
                worker.join(POLL_MILLIS);
                if (!worker.isAlive()) {
                    return true;
                }
                if (overran()) {
                    end(worker);
                    return false;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            end(worker);
            return false;
        }
    }

    private boolean overran() {
        long started = stepStarted;
        return started != 0 && System.nanoTime() - started > limitNanos;
    }

    @SuppressWarnings({"deprecation", "removal"})
    private static void end(Thread worker) {
        try {
            worker.stop();
        } catch (UnsupportedOperationException e) {
            LOG.error("{} is stuck in the H.264 decoder and cannot be stopped on this Java version; it keeps a "
                + "core busy until the process ends", worker.getName());
        }
    }
}
