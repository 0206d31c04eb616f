package dev.freshet.fragments.video;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Everything the video control plane persists: the root of {@code kinesisvideo/catalog.json}.
 *
 * <pre>
 * { "formatVersion": 1,
 *   "streams": { "&lt;name&gt;": { "id": "kvs-…", "createdMillis": …, "status": "ACTIVE", … } },
 *   "pendingDeletions": [ "kvs-…" ] }
 * </pre>
 *
 * <p>Not thread-safe: guarded by the {@link VideoCatalog}'s lock.
 */
final class VideoCatalogState {
    public int formatVersion = 1;
    /** By stream name, so listings come out sorted. */
    public TreeMap<String, VideoStreamState> streams = new TreeMap<>();
    /**
     * Internal ids of streams whose DELETING phase ended but whose fragments may not be removed yet.
     * An id leaves the list once the store confirmed the removal; the rest are retried at start.
     */
    public List<String> pendingDeletions = new ArrayList<>();
}
