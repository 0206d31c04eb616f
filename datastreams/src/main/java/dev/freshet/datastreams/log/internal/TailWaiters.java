package dev.freshet.datastreams.log.internal;

import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Readers waiting for the log to grow past a sequence. The writer calls {@link #signal} after each
 * publish; a waiter registered concurrently re-checks the end after enqueueing, so no wake-up is
 * lost.
 *
 * <p>Thread-safe.
 */
final class TailWaiters {

    private record Waiter(long sequence, CompletableFuture<Void> future) {
    }

    /** Waiters abandoned by their reader (cancelled or timed out) are purged this often on an idle log. */
    private static final int PURGE_EVERY = 64;

    private final ConcurrentLinkedQueue<Waiter> waiters = new ConcurrentLinkedQueue<>();
    private final AtomicLong registrations = new AtomicLong();
    private final LongSupplier end;

    TailWaiters(LongSupplier end) {
        this.end = end;
    }

    CompletableFuture<Void> await(long sequence, boolean ended) {
        CompletableFuture<Void> future = new CompletableFuture<>();
        if (ended || end.getAsLong() > sequence) {
            future.complete(null);
            return future;
        }
        waiters.add(new Waiter(sequence, future));
        if (end.getAsLong() > sequence) {
            future.complete(null);
        }
        if (registrations.incrementAndGet() % PURGE_EVERY == 0) {
            waiters.removeIf(w -> w.future.isDone());
        }
        return future;
    }

    void signal(long newEnd) {
        for (Iterator<Waiter> it = waiters.iterator(); it.hasNext(); ) {
            Waiter waiter = it.next();
            if (newEnd > waiter.sequence || waiter.future.isDone()) {
                it.remove();
                waiter.future.complete(null);
            }
        }
    }

    /** Wakes everyone: the log was sealed or deleted, so waiting for growth is pointless. */
    void releaseAll() {
        Waiter waiter;
        while ((waiter = waiters.poll()) != null) {
            waiter.future.complete(null);
        }
    }
}
