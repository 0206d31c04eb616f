package dev.freshet.datastreams.kinesis.internal;

import dev.freshet.datastreams.metadata.JsonSnapshots;
import dev.freshet.datastreams.metadata.SnapshotFile;

import java.nio.file.Path;

/**
 * Persists the {@link CatalogState} atomically as {@code catalog.json} through a
 * {@link SnapshotFile}: after any crash the file holds either the previous or the new state, never
 * a mix. The file is JSON for humans debugging a data directory; it is an internal format, not a
 * wire protocol.
 *
 * <p>Thread-safe: writes are serialised.
 */
public final class MetadataStore {

    private static final String FILE = "catalog.json";

    private final JsonSnapshots<CatalogState> snapshots;

    public MetadataStore(Path dir) {
        this.snapshots = new JsonSnapshots<>(new SnapshotFile(dir, FILE), CatalogState.class, "Kinesis metadata");
    }

    /** The stored state, or a fresh one when the folder holds none. */
    public CatalogState load() {
        return snapshots.load(CatalogState::new);
    }

    /** Serialises under the caller's lock, so the bytes are one consistent snapshot. */
    public byte[] snapshot(CatalogState state) {
        return snapshots.snapshot(state);
    }

    /**
     * Writes snapshot number {@code version}. Snapshots are taken in version order under the
     * catalog's lock but written outside it, so a writer that lost the race to a newer snapshot
     * skips its stale one.
     */
    public void write(long version, byte[] snapshot) {
        snapshots.write(version, snapshot);
    }
}
