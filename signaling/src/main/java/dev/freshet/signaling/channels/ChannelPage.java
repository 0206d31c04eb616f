package dev.freshet.signaling.channels;

import java.util.List;

/**
 * One page of ListSignalingChannels.
 *
 * <p>Immutable and thread-safe.
 *
 * @param channels  this page, by channel name
 * @param nextToken where the next page starts, or null on the last page
 */
public record ChannelPage(List<ChannelInfo> channels, String nextToken) {

    public ChannelPage {
        channels = List.copyOf(channels);
    }
}
