package dev.freshet.datastreams.kinesis;

import dev.freshet.datastreams.kinesis.internal.CatalogState;
import dev.freshet.datastreams.kinesis.internal.ConsumerArns;
import dev.freshet.datastreams.kinesis.internal.StreamCatalog;
import dev.freshet.datastreams.kinesis.internal.StreamRecord;
import dev.freshet.datastreams.kinesis.internal.TagRules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Tags on streams (AddTagsToStream, RemoveTagsFromStream, ListTagsForStream) and on any Kinesis
 * resource by ARN, stream or consumer (TagResource, UntagResource, ListTagsForResource).
 *
 * <p>Thread-safe.
 */
public final class Tagging {

    private final StreamCatalog catalog;
    private final Consumers consumers;

    public Tagging(StreamCatalog catalog, Consumers consumers) {
        this.catalog = catalog;
        this.consumers = consumers;
    }

    /** A page of ListTagsForStream. */
    public record TagPage(List<Map.Entry<String, String>> tags, boolean hasMoreTags) {
    }

    public void addToStream(StreamRef ref, Map<String, String> tags) {
        catalog.mutate(state -> {
            StreamRecord stream = catalog.require(state, ref);
            TagRules.checkAdd("stream " + stream.name, stream.tags, tags);
            stream.tags.putAll(tags);
            return null;
        });
    }

    public void removeFromStream(StreamRef ref, Collection<String> keys) {
        TagRules.checkKeys(keys);
        catalog.mutate(state -> {
            catalog.require(state, ref).tags.keySet().removeAll(keys);
            return null;
        });
    }

    public TagPage listForStream(StreamRef ref, String exclusiveStartTagKey, Integer limit) {
        int max = limit == null ? 50 : limit;
        return catalog.read(state -> {
            SortedMap<String, String> tags = catalog.require(state, ref).tags;
            SortedMap<String, String> tail = exclusiveStartTagKey == null ? tags
                : ((TreeMap<String, String>) tags).tailMap(exclusiveStartTagKey, false);
            List<Map.Entry<String, String>> page = new ArrayList<>();
            for (Map.Entry<String, String> tag : tail.entrySet()) {
                if (page.size() == max) {
                    break;
                }
                page.add(Map.entry(tag.getKey(), tag.getValue()));
            }
            return new TagPage(page, tail.size() > page.size());
        });
    }

    public void tagResource(String resourceArn, Map<String, String> tags) {
        catalog.mutate(state -> {
            TreeMap<String, String> current = tagsOf(state, resourceArn);
            TagRules.checkAdd(resourceArn, current, tags);
            current.putAll(tags);
            return null;
        });
    }

    public void untagResource(String resourceArn, Collection<String> keys) {
        TagRules.checkKeys(keys);
        catalog.mutate(state -> {
            tagsOf(state, resourceArn).keySet().removeAll(keys);
            return null;
        });
    }

    public List<Map.Entry<String, String>> listForResource(String resourceArn) {
        return catalog.read(state -> List.copyOf(new TreeMap<>(tagsOf(state, resourceArn)).entrySet()));
    }

    private TreeMap<String, String> tagsOf(CatalogState state, String arn) {
        if (ConsumerArns.isConsumerArn(arn)) {
            return consumers.find(state, null, null, arn).consumer().tags;
        }
        return catalog.require(state, StreamRef.byArn(arn)).tags;
    }
}
