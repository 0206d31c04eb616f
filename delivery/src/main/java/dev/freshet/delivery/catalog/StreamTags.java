package dev.freshet.delivery.catalog;

import dev.freshet.delivery.DeliveryErrorType;
import dev.freshet.delivery.DeliveryException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * TagDeliveryStream, UntagDeliveryStream and ListTagsForDeliveryStream: at most 50 tags per
 * stream (LimitExceededException past that), a tag key given again replaces the value, listed in
 * key order. Key and value syntax is the model's (checked by the web layer).
 *
 * <p>Thread-safe.
 */
public final class StreamTags {

    static final int MAX_TAGS = 50;
    private static final int DEFAULT_LIST_LIMIT = 50;

    private final DeliveryCatalog catalog;

    StreamTags(DeliveryCatalog catalog) {
        this.catalog = catalog;
    }

    public void tag(String name, List<Tag> tags) {
        checkUnique(tags);
        catalog.mutate(state -> {
            DeliveryStreamState stream = catalog.require(state, name);
            TreeMap<String, String> after = new TreeMap<>(stream.tags);
            for (Tag tag : tags) {
                after.put(tag.key(), tag.value());
            }
            if (after.size() > MAX_TAGS) {
                throw new DeliveryException(DeliveryErrorType.LIMIT_EXCEEDED, "Firehose stream " + name
                    + " would have " + after.size() + " tags; the limit is " + MAX_TAGS + ".");
            }
            stream.tags = after;
            return null;
        });
    }

    public void untag(String name, List<String> keys) {
        catalog.mutate(state -> {
            DeliveryStreamState stream = catalog.require(state, name);
            keys.forEach(stream.tags::remove);
            return null;
        });
    }

    /** Tags in key order after {@code exclusiveStartTagKey}, at most {@code limit} (default 50). */
    public Page<Tag> list(String name, String exclusiveStartTagKey, Integer limit) {
        int max = limit == null ? DEFAULT_LIST_LIMIT : limit;
        return catalog.read(state -> {
            DeliveryStreamState stream = catalog.require(state, name);
            Map<String, String> tail = exclusiveStartTagKey == null ? stream.tags
                : stream.tags.tailMap(exclusiveStartTagKey, false);
            List<Tag> page = new ArrayList<>();
            for (Map.Entry<String, String> entry : tail.entrySet()) {
                if (page.size() == max) {
                    return new Page<>(page, true);
                }
                page.add(new Tag(entry.getKey(), entry.getValue()));
            }
            return new Page<>(page, false);
        });
    }

    /** InvalidArgumentException when a key appears twice in one request. */
    static void checkUnique(List<Tag> tags) {
        Set<String> seen = new HashSet<>();
        for (Tag tag : tags) {
            if (!seen.add(tag.key())) {
                throw DeliveryException.invalidArgument("Duplicate tag key " + tag.key() + " in the request.");
            }
        }
    }
}
