package dev.freshet.tests.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntConsumer;

/**
 * Load for crash tests: a fixed number of writer threads, each running its loop (given its index)
 * while {@link #running()}, until {@link #stop()} asks them to end and waits for them.
 *
 * <p>Thread-safe.
 */
public final class WriterThreads {
    private final int count;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final ExecutorService pool;

    public WriterThreads(int count) {
        this.count = count;
        this.pool = Executors.newFixedThreadPool(count);
    }

    /** Starts every writer: {@code write.accept(index)} should loop while {@link #running()}. */
    public void start(IntConsumer write) {
        for (int w = 0; w < count; w++) {
            int writer = w;
            pool.submit(() -> write.accept(writer));
        }
    }

    public boolean running() {
        return running.get();
    }

    /** Asks the writers to end and waits (up to a minute) until they have. */
    public void stop() {
        running.set(false);
        pool.shutdown();
        try {
            assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).as("writers stopped").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
