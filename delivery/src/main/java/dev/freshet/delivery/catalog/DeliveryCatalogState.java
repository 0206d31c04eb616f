package dev.freshet.delivery.catalog;

import java.util.TreeMap;

/**
 * The persisted catalog: every delivery stream by name ({@code <data-dir>/firehose/catalog.json},
 * written through {@code JsonSnapshots}). Not thread-safe: owned by {@link DeliveryCatalog}'s lock.
 */
final class DeliveryCatalogState {

    public TreeMap<String, DeliveryStreamState> streams = new TreeMap<>();
}
