package dev.freshet.signaling.channels;

import dev.freshet.fragments.video.VideoRules;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Tags of signaling channels by ARN (TagResource, UntagResource, ListTagsForResource for channel
 * ARNs). The rules are the video streams' (at most 50 tags, TagsPerResourceExceededLimitException);
 * tags leave the channel's {@code Version} as it is.
 *
 * <p>Thread-safe.
 */
public final class ChannelTags {

    private final ChannelCatalog catalog;

    ChannelTags(ChannelCatalog catalog) {
        this.catalog = catalog;
    }

    /** Adds or overwrites tags. */
    public void tag(String channelArn, Map<String, String> tags) {
        catalog.mutate(state -> {
            ChannelState channel = catalog.require(state, ChannelRef.byArn(channelArn));
            VideoRules.checkTags(channel.tags, tags);
            channel.tags.putAll(tags);
            return null;
        });
    }

    /** Removes the tags with these keys; keys the channel does not have are ignored. */
    public void untag(String channelArn, Collection<String> keys) {
        keys.forEach(VideoRules::checkTagKey);
        catalog.mutate(state -> catalog.require(state, ChannelRef.byArn(channelArn)).tags.keySet().removeAll(keys));
    }

    public SortedMap<String, String> list(String channelArn) {
        return catalog.read(state -> Collections.unmodifiableSortedMap(
            new TreeMap<>(catalog.require(state, ChannelRef.byArn(channelArn)).tags)));
    }
}
