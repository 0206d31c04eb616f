package dev.freshet.signaling.channels;

import dev.freshet.datastreams.metadata.JsonSnapshots;
import dev.freshet.datastreams.metadata.SnapshotFile;
import dev.freshet.fragments.video.VideoStreams;

import java.nio.file.Path;

/**
 * KVS signaling channels as plain Java, the composition root: the control plane over one catalog
 * kept in {@code <metadataDir>/channels.json} ({@link #lifecycle()}, {@link #tags()},
 * {@link #mediaStorage()}) and the server's one {@link #relay()}, which hears of deleted channels.
 *
 * <p>The services raise {@code VideoException}s with the Kinesis Video Streams error types; they
 * know nothing of HTTP, WebSocket or JSON.
 *
 * <p>Thread-safe.
 */
public final class SignalingChannels {

    private final ChannelCatalog catalog;
    private final ChannelRelay relay = new ChannelRelay();
    private final ChannelLifecycle lifecycle;
    private final ChannelTags tags;
    private final MediaStorageConfigurations mediaStorage;

    /**
     * Loads the catalog (or starts an empty one).
     *
     * @param streams the video streams a media storage configuration may name
     */
    public SignalingChannels(VideoStreams streams, Path metadataDir) {
        this.catalog = new ChannelCatalog(streams.settings(), new JsonSnapshots<>(
            new SnapshotFile(metadataDir, "channels.json"), ChannelCatalogState.class, "signaling channel metadata"));
        this.lifecycle = new ChannelLifecycle(catalog, relay::channelDeleted);
        this.tags = new ChannelTags(catalog);
        this.mediaStorage = new MediaStorageConfigurations(catalog, streams);
    }

    public ChannelLifecycle lifecycle() {
        return lifecycle;
    }

    public ChannelTags tags() {
        return tags;
    }

    public MediaStorageConfigurations mediaStorage() {
        return mediaStorage;
    }

    public ChannelRelay relay() {
        return relay;
    }

    /** How many channels exist now. */
    public int count() {
        return catalog.read(state -> state.channels.size());
    }
}
