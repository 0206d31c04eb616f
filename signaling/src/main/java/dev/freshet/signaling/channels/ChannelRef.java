package dev.freshet.signaling.channels;

/**
 * How a request names a channel: by name, by ARN, or both (then they must agree).
 *
 * <p>Immutable and thread-safe.
 */
public record ChannelRef(String name, String arn) {

    public static ChannelRef byArn(String arn) {
        return new ChannelRef(null, arn);
    }

    public static ChannelRef byName(String name) {
        return new ChannelRef(name, null);
    }
}
