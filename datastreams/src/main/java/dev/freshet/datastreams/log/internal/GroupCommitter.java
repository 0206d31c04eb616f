package dev.freshet.datastreams.log.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Group commit by flat combining: an appending thread enqueues its batch, then tries the write
 * lock; whoever holds it writes everything queued so far in one go (one write, one force) and
 * completes the others' futures. Threads that find the lock taken simply wait for their future,
 * so under load many appends share each system call, and an idle log adds no thread hop.
 *
 * <p>No batch is stranded: a thread that fails to get the lock enqueued before trying, and the
 * holder checks the queue again after releasing the lock. A holder makes at most
 * {@link #MAX_PASSES} passes for others, then hands the rest to the executor, so one caller's
 * latency stays bounded under a steady stream.
 *
 * <p>Thread-safe.
 */
final class GroupCommitter {

    private static final int MAX_PASSES = 4;
    /** A group stops growing past this many frame bytes; the next pass takes the rest. */
    private static final long MAX_GROUP_BYTES = 32L * 1024 * 1024;

    private final ConcurrentLinkedQueue<PendingAppend> queue = new ConcurrentLinkedQueue<>();
    private final ReentrantLock writeLock = new ReentrantLock();
    private final Function<List<PendingAppend>, List<Runnable>> writer;
    private final Executor handoff;

    GroupCommitter(Function<List<PendingAppend>, List<Runnable>> writer, Executor handoff) {
        this.writer = writer;
        this.handoff = handoff;
    }

    void submit(PendingAppend pending) {
        queue.add(pending);
        drain();
    }

    /** Runs {@code action} with the write lock held, after the queue ahead of it (retention, close). */
    void exclusively(Runnable action) {
        writeLock.lock();
        try {
            action.run();
        } finally {
            writeLock.unlock();
        }
        drain();
    }

    private void drain() {
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            if (queue.isEmpty() || !writeLock.tryLock()) {
                return;
            }
            List<Runnable> completions;
            try {
                completions = writer.apply(pollGroup());
            } finally {
                writeLock.unlock();
            }
            completions.forEach(Runnable::run);
        }
        if (!queue.isEmpty()) {
            handoff.execute(this::drain);
        }
    }

    private List<PendingAppend> pollGroup() {
        List<PendingAppend> group = new ArrayList<>();
        long bytes = 0;
        PendingAppend next;
        while (bytes < MAX_GROUP_BYTES && (next = queue.poll()) != null) {
            group.add(next);
            bytes += next.frameBytes;
        }
        return group;
    }
}
