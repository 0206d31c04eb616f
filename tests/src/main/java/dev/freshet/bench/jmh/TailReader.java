package dev.freshet.bench.jmh;

import dev.freshet.datastreams.log.ReadResult;
import dev.freshet.datastreams.log.ShardLog;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

/**
 * A reader thread tailing a shard log the way the server's subscription pump does: wait with
 * {@link ShardLog#awaitBeyond}, read everything new, repeat. After each read it publishes how far it
 * got and unparks the one thread waiting in {@link #awaitRead}.
 *
 * <p>Thread-safe for one waiting thread.
 */
final class TailReader implements AutoCloseable {

    private static final long MAX_BYTES = 10L * 1024 * 1024;

    private final ShardLog log;
    private final Thread thread;
    private volatile long readUpTo;
    private volatile Thread waiter;
    private volatile boolean running = true;

    TailReader(ShardLog log) {
        this.log = log;
        this.readUpTo = log.endSequence();
        this.thread = new Thread(this::tail, "jmh-tail-reader");
        thread.setDaemon(true);
        thread.start();
    }

    /** Parks the caller until the reader has returned every record below {@code end}. */
    void awaitRead(long end) {
        waiter = Thread.currentThread();
        while (readUpTo < end) {
            LockSupport.park(this);
        }
    }

    private void tail() {
        long position = readUpTo;
        while (running) {
            if (!waitForGrowth(position)) {
                continue;
            }
            ReadResult result = log.read(position, 10_000, MAX_BYTES);
            position = result.nextSequence();
            readUpTo = position;
            Thread toWake = waiter;
            if (toWake != null) {
                LockSupport.unpark(toWake);
            }
        }
    }

    private boolean waitForGrowth(long position) {
        try {
            log.awaitBeyond(position).get(100, TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException("tail wait failed", e.getCause());
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
