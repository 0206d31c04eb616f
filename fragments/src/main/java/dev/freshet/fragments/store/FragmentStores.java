package dev.freshet.fragments.store;

import dev.freshet.datastreams.log.Durability;
import dev.freshet.datastreams.log.LogEngine;
import dev.freshet.fragments.store.internal.LogFragmentStore;
import dev.freshet.fragments.store.internal.MatroskaFragmentEncoding;

/** Opens the fragment store: fragments as Matroska records of the server's shard logs. */
public final class FragmentStores {

    private FragmentStores() {
    }

    /** A store in {@code engine}'s logs, acknowledging appends with {@code durability}. */
    public static FragmentStore inLogs(LogEngine engine, Durability durability, long segmentBytes) {
        return new LogFragmentStore(engine, new MatroskaFragmentEncoding(), durability, segmentBytes);
    }
}
