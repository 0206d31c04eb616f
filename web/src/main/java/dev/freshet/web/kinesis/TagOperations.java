package dev.freshet.web.kinesis;

import dev.freshet.datastreams.kinesis.Tagging;
import dev.freshet.web.protocol.Input;
import dev.freshet.web.protocol.OutputWriter;

import java.util.Map;

/**
 * AddTagsToStream, RemoveTagsFromStream, ListTagsForStream, TagResource, UntagResource and
 * ListTagsForResource on the wire. Thread-safe.
 */
final class TagOperations {

    private final Tagging tags;

    TagOperations(Tagging tags) {
        this.tags = tags;
    }

    Map<String, KinesisOperation> operations() {
        return Map.of(
            "AddTagsToStream", (in, out) -> tags.addToStream(Requests.stream(in), in.stringMap("Tags")),
            "RemoveTagsFromStream", (in, out) -> tags.removeFromStream(Requests.stream(in), in.strings("TagKeys")),
            "ListTagsForStream", this::listForStream,
            "TagResource", (in, out) -> tags.tagResource(Requests.required(in, "ResourceARN"), in.stringMap("Tags")),
            "UntagResource", (in, out) -> tags.untagResource(Requests.required(in, "ResourceARN"), in.strings("TagKeys")),
            "ListTagsForResource",
            (in, out) -> Responses.tags(out, tags.listForResource(Requests.required(in, "ResourceARN"))));
    }

    private void listForStream(Input in, OutputWriter out) {
        Tagging.TagPage page = tags.listForStream(Requests.stream(in), Requests.string(in, "ExclusiveStartTagKey"),
            Requests.integer(in, "Limit"));
        Responses.tags(out, page.tags());
        out.bool("HasMoreTags", page.hasMoreTags());
    }
}
