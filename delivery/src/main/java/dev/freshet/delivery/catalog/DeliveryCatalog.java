package dev.freshet.delivery.catalog;

import dev.freshet.datastreams.metadata.JsonSnapshots;
import dev.freshet.delivery.DeliveryException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The metadata of every delivery stream. All access runs under one lock, held for microseconds;
 * each change is persisted (a whole {@code catalog.json} snapshot, see {@link JsonSnapshots})
 * before {@link #mutate} returns, written outside the lock in version order. Streams whose
 * DELETING phase ended are dropped on the next change and are invisible before that.
 *
 * <p>Thread-safe.
 */
final class DeliveryCatalog {

    private final CatalogSettings settings;
    private final JsonSnapshots<DeliveryCatalogState> snapshots;
    private final DeliveryCatalogState state;
    private final ReentrantLock lock = new ReentrantLock();
    private long version;

    DeliveryCatalog(CatalogSettings settings, JsonSnapshots<DeliveryCatalogState> snapshots) {
        this.settings = settings;
        this.snapshots = snapshots;
        this.state = snapshots.load(DeliveryCatalogState::new);
    }

    CatalogSettings settings() {
        return settings;
    }

    long now() {
        return settings.clock().millis();
    }

    /** Runs {@code action} on the current state under the lock. It must not change the state. */
    <T> T read(Function<DeliveryCatalogState, T> action) {
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
    <T> T mutate(Function<DeliveryCatalogState, T> action) {
        T result;
        byte[] snapshot;
        long snapshotVersion;
        lock.lock();
        try {
            long now = now();
            state.streams.values().removeIf(stream -> DeliveryStreamStatus.gone(stream, now));
            result = action.apply(state);
            snapshot = snapshots.snapshot(state);
            snapshotVersion = ++version;
        } finally {
            lock.unlock();
        }
        snapshots.write(snapshotVersion, snapshot);
        return result;
    }

    /** The named stream, or ResourceNotFoundException (also once its DELETING phase ended). Call under the lock. */
    DeliveryStreamState require(DeliveryCatalogState current, String name) {
        DeliveryStreamState stream = current.streams.get(name);
        if (stream == null || DeliveryStreamStatus.gone(stream, now())) {
            throw DeliveryException.notFound("Firehose stream " + name + " under account " + settings.accountId()
                + " not found.");
        }
        return stream;
    }

    String arn(String name) {
        return "arn:aws:firehose:" + settings.region() + ":" + settings.accountId() + ":deliverystream/" + name;
    }
}
