package dev.freshet.signaling.channels;

/**
 * A channel's media storage configuration (Update/DescribeMediaStorageConfiguration): whether a
 * storage session may join the channel and ingest the master's media into the video stream
 * {@code streamArn}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param streamArn the video stream media is stored in; null when none was configured
 * @param enabled   Status ENABLED (true) or DISABLED
 */
public record MediaStorage(String streamArn, boolean enabled) {

    /** What a channel has before UpdateMediaStorageConfiguration: no stream, DISABLED. */
    public static final MediaStorage DISABLED = new MediaStorage(null, false);
}
