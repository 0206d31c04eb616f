package dev.freshet.signaling.channels;

import dev.freshet.datastreams.metadata.GuardedSnapshots;
import dev.freshet.datastreams.metadata.JsonSnapshots;
import dev.freshet.fragments.video.VideoErrorType;
import dev.freshet.fragments.video.VideoException;
import dev.freshet.fragments.video.VideoSettings;

import java.util.function.Function;

/**
 * The metadata of every signaling channel. All access runs under one lock, held for microseconds;
 * each change is persisted (a whole {@code channels.json} snapshot, see {@link JsonSnapshots})
 * before {@link #mutate} returns, written outside the lock in version order.
 *
 * <p>Thread-safe.
 */
final class ChannelCatalog {

    static final String NOT_FOUND_MESSAGE = "The requested channel is not found or not active.";

    private final VideoSettings settings;
    private final GuardedSnapshots<ChannelCatalogState> state;

    ChannelCatalog(VideoSettings settings, JsonSnapshots<ChannelCatalogState> snapshots) {
        this.settings = settings;
        this.state = new GuardedSnapshots<>(snapshots, ChannelCatalogState::new);
    }

    VideoSettings settings() {
        return settings;
    }

    long now() {
        return settings.clock().millis();
    }

    /** Runs {@code action} on the current state under the lock. It must not change the state. */
    <T> T read(Function<ChannelCatalogState, T> action) {
        return state.read(action);
    }

    /**
     * Runs {@code action} under the lock, then persists the state. The action must check everything
     * before it changes anything: a thrown exception leaves no trace.
     */
    <T> T mutate(Function<ChannelCatalogState, T> action) {
        return state.mutate(action);
    }

    /** The channel a request names, or ResourceNotFoundException. Call under the lock. */
    ChannelState require(ChannelCatalogState current, ChannelRef ref) {
        ChannelState channel = current.channels.get(nameOf(ref));
        if (channel == null || (ref.arn() != null && !ref.arn().equals(arn(channel)))) {
            throw notFound();
        }
        return channel;
    }

    String arn(ChannelState channel) {
        return new ChannelArn(settings.region(), settings.accountId(), channel.name, channel.createdMillis).toString();
    }

    static VideoException notFound() {
        return VideoErrorType.RESOURCE_NOT_FOUND.exception(NOT_FOUND_MESSAGE);
    }

    private static String nameOf(ChannelRef ref) {
        if (ref.arn() == null && ref.name() == null) {
            throw VideoErrorType.INVALID_ARGUMENT.exception("Either ChannelName or ChannelARN must be provided.");
        }
        if (ref.arn() == null) {
            return ref.name();
        }
        ChannelArn arn = ChannelArn.parse(ref.arn()).orElseThrow(() -> VideoErrorType.INVALID_ARGUMENT.exception(
            "ChannelARN %s is not a signaling channel ARN.", ref.arn()));
        if (ref.name() != null && !ref.name().equals(arn.name())) {
            throw VideoErrorType.INVALID_ARGUMENT.exception(
                "ChannelARN %s and ChannelName %s do not name the same channel.", ref.arn(), ref.name());
        }
        return arn.name();
    }
}
