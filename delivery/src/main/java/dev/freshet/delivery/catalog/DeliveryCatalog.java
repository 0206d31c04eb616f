package dev.freshet.delivery.catalog;

import dev.freshet.datastreams.metadata.GuardedSnapshots;
import dev.freshet.datastreams.metadata.JsonSnapshots;
import dev.freshet.delivery.DeliveryException;
import java.util.function.Function;

/**
 * The metadata of every delivery stream, behind one lock and persisted as a whole
 * {@code catalog.json} snapshot after each change ({@link GuardedSnapshots}). Streams whose
 * DELETING phase ended are dropped on the next change and are invisible before that.
 *
 * <p>Thread-safe.
 */
final class DeliveryCatalog {

    private final CatalogSettings settings;
    private final GuardedSnapshots<DeliveryCatalogState> state;

    DeliveryCatalog(CatalogSettings settings, JsonSnapshots<DeliveryCatalogState> snapshots) {
        this.settings = settings;
        this.state = new GuardedSnapshots<>(snapshots, DeliveryCatalogState::new);
    }

    CatalogSettings settings() {
        return settings;
    }

    long now() {
        return settings.clock().millis();
    }

    /** Runs {@code action} on the current state under the lock. It must not change the state. */
    <T> T read(Function<DeliveryCatalogState, T> action) {
        return state.read(action);
    }

    /**
     * Runs {@code action} under the lock, then persists the state. The action must check everything
     * before it changes anything: a thrown exception leaves no trace.
     */
    <T> T mutate(Function<DeliveryCatalogState, T> action) {
        return state.mutate(current -> {
            long now = now();
            current.streams.values().removeIf(stream -> DeliveryStreamStatus.gone(stream, now));
            return action.apply(current);
        });
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
