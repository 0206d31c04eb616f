package dev.freshet.delivery.engine;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The delivery thread's one place to wait: woken by new records (the log's {@code awaitBeyond}),
 * by the buffer interval's timer, by a configuration switch or by stopping. A signal given
 * while nobody waits is kept for the next wait, so no wake-up is lost.
 *
 * <p>Thread-safe.
 */
final class Wakeup {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition signalled = lock.newCondition();
    private boolean pending;

    void signal() {
        lock.lock();
        try {
            pending = true;
            signalled.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits for a signal (or at most {@code maxMillis}, a safety net), and consumes it. */
    void await(long maxMillis) throws InterruptedException {
        lock.lock();
        try {
            long nanos = TimeUnit.MILLISECONDS.toNanos(maxMillis);
            while (!pending && nanos > 0) {
                nanos = signalled.awaitNanos(nanos);
            }
            pending = false;
        } finally {
            lock.unlock();
        }
    }
}
