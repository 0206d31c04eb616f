package dev.freshet.fragments.store;

import java.time.Duration;

/**
 * Where video streams keep their fragments: one {@link FragmentLog} per stream, in the server's
 * shard log engine. The control plane calls it when streams are created, change retention or are
 * deleted.
 *
 * <p>Thread-safe.
 */
public interface FragmentStore {

    /**
     * Opens (creating if needed) the fragments of the stream with that id.
     *
     * @param retention how long fragments stay; {@link Duration#ZERO} means live-only (kept just
     *                  long enough for live playback, never listed as archive)
     */
    FragmentLog open(String streamId, long streamCreatedMillis, Duration retention);

    void updateRetention(String streamId, Duration retention);

    /** Removes the stream's fragments and index for good. */
    void delete(String streamId);
}
