package dev.freshet.signaling.channels;

import java.util.TreeMap;

/**
 * Everything the signaling control plane persists: the root of {@code kinesisvideo/channels.json}.
 *
 * <pre>
 * { "formatVersion": 1,
 *   "channels": { "&lt;name&gt;": { "createdMillis": …, "type": "SINGLE_MASTER", "messageTtlSeconds": 60,
 *                             "version": "…", "tags": {…}, "storageStreamArn": "…", "storageEnabled": true } } }
 * </pre>
 *
 * <p>Not thread-safe: guarded by the {@link ChannelCatalog}'s lock.
 */
final class ChannelCatalogState {
    public int formatVersion = 1;
    /** By channel name, so listings come out sorted. */
    public TreeMap<String, ChannelState> channels = new TreeMap<>();
}
