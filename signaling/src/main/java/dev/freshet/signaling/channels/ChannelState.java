package dev.freshet.signaling.channels;

import java.util.TreeMap;

/**
 * The persisted state of one signaling channel (a node of {@link ChannelCatalogState}).
 *
 * <p>Not thread-safe: guarded by the {@link ChannelCatalog}'s lock.
 */
final class ChannelState {
    public String name;
    public long createdMillis;
    public ChannelType type = ChannelType.SINGLE_MASTER;
    public int messageTtlSeconds;
    public String version;
    public TreeMap<String, String> tags = new TreeMap<>();
    /** The media storage stream, null when none was configured. */
    public String storageStreamArn;
    public boolean storageEnabled;
}
