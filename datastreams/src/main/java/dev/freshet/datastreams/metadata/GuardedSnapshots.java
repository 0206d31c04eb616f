package dev.freshet.datastreams.metadata;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A metadata state behind one lock, persisted as a whole after each change: the pattern of the
 * small catalogs (delivery streams, …). Reads and changes run under the lock, held for
 * microseconds; each change's snapshot is taken under the lock and written outside it, in version
 * order ({@link SnapshotFile}), before {@link #mutate} returns.
 *
 * <p>Thread-safe.
 *
 * @param <T> the root class of the state
 */
public final class GuardedSnapshots<T> {

    private final JsonSnapshots<T> snapshots;
    private final T state;
    private final ReentrantLock lock = new ReentrantLock();
    private long version;

    /** Loads the stored state, or {@code fresh} when there is none. */
    public GuardedSnapshots(JsonSnapshots<T> snapshots, Supplier<T> fresh) {
        this.snapshots = snapshots;
        this.state = snapshots.load(fresh);
    }

    /** Runs {@code action} on the current state under the lock. It must not change the state. */
    public <R> R read(Function<T, R> action) {
        lock.lock();
        try {
            return action.apply(state);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs {@code action} under the lock, then persists the state. The action must check everything
     * before it changes anything: a thrown exception leaves no trace.
     */
    public <R> R mutate(Function<T, R> action) {
        R result;
        byte[] snapshot;
        long snapshotVersion;
        lock.lock();
        try {
            result = action.apply(state);
            snapshot = snapshots.snapshot(state);
            snapshotVersion = ++version;
        } finally {
            lock.unlock();
        }
        snapshots.write(snapshotVersion, snapshot);
        return result;
    }
}
