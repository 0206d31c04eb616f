package dev.freshet.fragments.video;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Tags of video streams, in the service's two styles: per stream by name or ARN (TagStream,
 * UntagStream, ListTagsForStream) and per resource ARN (TagResource, UntagResource,
 * ListTagsForResource, which the web edge reads and writes as a list of {@code {Key, Value}}).
 * Both see the same tags. Only stream ARNs name a resource here: a signaling-channel ARN is
 * ResourceNotFoundException (the web edge sends channel ARNs to the signaling module's tags).
 *
 * <p>A resource holds at most 50 tags (TagsPerResourceExceededLimitException). Tags are not part
 * of a stream's configuration: changing them leaves its {@code Version} as it is.
 *
 * <p>Thread-safe.
 */
public final class VideoStreamTags {

    private final VideoCatalog catalog;

    VideoStreamTags(VideoCatalog catalog) {
        this.catalog = catalog;
    }

    /** Adds or overwrites tags. */
    public void tagStream(VideoStreamRef ref, Map<String, String> tags) {
        catalog.mutate(state -> {
            VideoStreamState stream = catalog.require(state, ref);
            VideoRules.checkTags(stream.tags, tags);
            stream.tags.putAll(tags);
            return null;
        });
    }

    /** Removes the tags with these keys; keys the stream does not have are ignored. */
    public void untagStream(VideoStreamRef ref, Collection<String> keys) {
        keys.forEach(VideoRules::checkTagKey);
        catalog.mutate(state -> {
            catalog.require(state, ref).tags.keySet().removeAll(keys);
            return null;
        });
    }

    /** All the stream's tags, by key. */
    public SortedMap<String, String> listTagsForStream(VideoStreamRef ref) {
        return catalog.read(state -> Collections.unmodifiableSortedMap(new TreeMap<>(catalog.require(state, ref).tags)));
    }

    public void tagResource(String resourceArn, Map<String, String> tags) {
        tagStream(resource(resourceArn), tags);
    }

    public void untagResource(String resourceArn, Collection<String> keys) {
        untagStream(resource(resourceArn), keys);
    }

    public SortedMap<String, String> listTagsForResource(String resourceArn) {
        return listTagsForStream(resource(resourceArn));
    }

    private static VideoStreamRef resource(String arn) {
        VideoArn parsed = VideoArn.parse(arn).orElseThrow(
            () -> VideoErrorType.INVALID_ARGUMENT.exception("ResourceARN %s is not a Kinesis Video Streams ARN.", arn));
        if (!parsed.isStream()) {
            throw VideoErrorType.RESOURCE_NOT_FOUND.exception("The requested resource %s is not found.", arn);
        }
        return VideoStreamRef.byArn(arn);
    }
}
