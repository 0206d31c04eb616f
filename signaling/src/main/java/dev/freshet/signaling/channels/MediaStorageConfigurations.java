package dev.freshet.signaling.channels;

import dev.freshet.fragments.video.VideoErrorType;
import dev.freshet.fragments.video.VideoStreamRef;
import dev.freshet.fragments.video.VideoStreams;

/**
 * UpdateMediaStorageConfiguration and DescribeMediaStorageConfiguration: which video stream a
 * channel's storage session writes to. ENABLED needs a {@code StreamARN} that names an existing
 * video stream (else ResourceNotFoundException) not already enabled on another channel (else
 * ResourceInUseException, as the service maps a stream to one channel).
 *
 * <p>Thread-safe.
 */
public final class MediaStorageConfigurations {

    private final ChannelCatalog catalog;
    private final VideoStreams streams;

    MediaStorageConfigurations(ChannelCatalog catalog, VideoStreams streams) {
        this.catalog = catalog;
        this.streams = streams;
    }

    public void update(String channelArn, MediaStorage storage) {
        if (storage.enabled() && storage.streamArn() == null) {
            throw VideoErrorType.INVALID_ARGUMENT.exception("StreamARN is required when Status is ENABLED.");
        }
        if (storage.streamArn() != null) {
            streams.resolve(VideoStreamRef.byArn(storage.streamArn()));
        }
        catalog.mutate(state -> {
            ChannelState channel = catalog.require(state, ChannelRef.byArn(channelArn));
            if (storage.enabled()) {
                checkUnmapped(state, channel, storage.streamArn());
            }
            channel.storageStreamArn = storage.streamArn();
            channel.storageEnabled = storage.enabled();
            return null;
        });
    }

    /** The channel's configuration; {@link MediaStorage#DISABLED} when it never had one. */
    public MediaStorage describe(ChannelRef ref) {
        return catalog.read(state -> {
            ChannelState channel = catalog.require(state, ref);
            return new MediaStorage(channel.storageStreamArn, channel.storageEnabled);
        });
    }

    private static void checkUnmapped(ChannelCatalogState state, ChannelState channel, String streamArn) {
        for (ChannelState other : state.channels.values()) {
            if (other != channel && other.storageEnabled && streamArn.equals(other.storageStreamArn)) {
                throw VideoErrorType.RESOURCE_IN_USE.exception(
                    "The stream %s already stores the media of signaling channel %s.", streamArn, other.name);
            }
        }
    }
}
