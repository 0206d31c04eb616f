package dev.freshet.web.firehose;

import dev.freshet.delivery.catalog.DeliveryStreams;
import dev.freshet.delivery.catalog.Page;
import dev.freshet.delivery.catalog.Tag;
import dev.freshet.web.protocol.Input;
import dev.freshet.web.protocol.OutputWriter;
import java.util.Map;

/**
 * TagDeliveryStream, UntagDeliveryStream, ListTagsForDeliveryStream and
 * Start/StopDeliveryStreamEncryption. Thread-safe.
 */
final class TagAndEncryptionOperations {

    private final DeliveryStreams streams;

    TagAndEncryptionOperations(DeliveryStreams streams) {
        this.streams = streams;
    }

    Map<String, FirehoseOperation> operations() {
        return Map.of(
            "TagDeliveryStream", (in, out) -> streams.tags().tag(StreamOperations.name(in), StreamOperations.tags(in)),
            "UntagDeliveryStream", (in, out) -> streams.tags().untag(StreamOperations.name(in), in.strings("TagKeys")),
            "ListTagsForDeliveryStream", this::listTags,
            "StartDeliveryStreamEncryption", (in, out) -> streams.encryption().start(StreamOperations.name(in),
                StreamOperations.encryption(in)),
            "StopDeliveryStreamEncryption", (in, out) -> streams.encryption().stop(StreamOperations.name(in)));
    }

    private void listTags(Input in, OutputWriter out) {
        Page<Tag> page = streams.tags().list(StreamOperations.name(in), in.string("ExclusiveStartTagKey").orElse(null),
            in.integer("Limit").orElse(null));
        out.startArray("Tags");
        for (Tag tag : page.items()) {
            out.startObject().string("Key", tag.key()).string("Value", tag.value()).endObject();
        }
        out.endArray().bool("HasMoreTags", page.hasMore());
    }
}
