package dev.freshet.web.video;

import dev.freshet.fragments.video.VideoStreamTags;
import dev.freshet.signaling.channels.ChannelArn;
import dev.freshet.signaling.channels.ChannelTags;
import dev.freshet.web.protocol.Input;
import dev.freshet.web.protocol.OutputWriter;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * TagStream, UntagStream and ListTagsForStream (tags as a map), and TagResource, UntagResource and
 * ListTagsForResource (tags in as a list of {@code {Key, Value}}, out as a map, as the model has
 * them; note the capital first letter of their paths; a signaling-channel ARN reaches the
 * channel's tags, any other the stream's). All tags fit one page (at most 50), so no
 * {@code NextToken} is ever returned.
 *
 * <p>Thread-safe.
 */
final class TagOperations {

    private final VideoStreamTags tags;
    private final ChannelTags channelTags;

    TagOperations(VideoStreamTags tags, ChannelTags channelTags) {
        this.tags = tags;
        this.channelTags = channelTags;
    }

    void register(RestJsonRoutes routes) {
        routes.add("TagStream", "/tagStream", ControlPlaneInputs.TAG_STREAM, this::tagStream)
            .add("UntagStream", "/untagStream", ControlPlaneInputs.UNTAG_STREAM, this::untagStream)
            .add("ListTagsForStream", "/listTagsForStream", ControlPlaneInputs.LIST_TAGS_FOR_STREAM,
                this::listTagsForStream)
            .add("TagResource", "/TagResource", ControlPlaneInputs.TAG_RESOURCE, this::tagResource)
            .add("UntagResource", "/UntagResource", ControlPlaneInputs.UNTAG_RESOURCE, this::untagResource)
            .add("ListTagsForResource", "/ListTagsForResource", ControlPlaneInputs.LIST_TAGS_FOR_RESOURCE,
                this::listTagsForResource);
    }

    private void tagStream(RestJsonCall call, OutputWriter out) {
        tags.tagStream(call.streamRef(), call.input().stringMap("Tags"));
    }

    private void untagStream(RestJsonCall call, OutputWriter out) {
        tags.untagStream(call.streamRef(), call.input().strings("TagKeyList"));
    }

    private void listTagsForStream(RestJsonCall call, OutputWriter out) {
        writeTags(out, tags.listTagsForStream(call.streamRef()));
    }

    private void tagResource(RestJsonCall call, OutputWriter out) {
        Map<String, String> added = new LinkedHashMap<>();
        for (Input tag : call.input().structures("Tags")) {
            added.put(tag.string("Key").orElseThrow(), tag.string("Value").orElseThrow());
        }
        String arn = call.string("ResourceARN");
        if (ChannelArn.isChannel(arn)) {
            channelTags.tag(arn, added);
        } else {
            tags.tagResource(arn, added);
        }
    }

    private void untagResource(RestJsonCall call, OutputWriter out) {
        String arn = call.string("ResourceARN");
        if (ChannelArn.isChannel(arn)) {
            channelTags.untag(arn, call.input().strings("TagKeyList"));
        } else {
            tags.untagResource(arn, call.input().strings("TagKeyList"));
        }
    }

    private void listTagsForResource(RestJsonCall call, OutputWriter out) {
        String arn = call.string("ResourceARN");
        writeTags(out, ChannelArn.isChannel(arn) ? channelTags.list(arn) : tags.listTagsForResource(arn));
    }

    private static void writeTags(OutputWriter out, Map<String, String> tags) {
        out.startObject("Tags");
        tags.forEach(out::string);
        out.endObject();
    }
}
