package dev.freshet.datastreams.kinesis;

import dev.freshet.datastreams.kinesis.internal.CatalogState;
import dev.freshet.datastreams.kinesis.internal.ConsumerArns;
import dev.freshet.datastreams.kinesis.internal.ConsumerRecord;
import dev.freshet.datastreams.kinesis.internal.PageTokens;
import dev.freshet.datastreams.kinesis.internal.StreamCatalog;
import dev.freshet.datastreams.kinesis.internal.StreamRecord;
import dev.freshet.datastreams.kinesis.internal.TagRules;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * RegisterStreamConsumer, DescribeStreamConsumer, ListStreamConsumers and
 * DeregisterStreamConsumer: the enhanced fan-out consumers of a stream (at most 20), each CREATING
 * then ACTIVE, and DELETING before it goes.
 *
 * <p>Thread-safe.
 */
public final class Consumers {

    public static final int MAX_CONSUMERS = 20;

    private final StreamCatalog catalog;
    private final PageTokens pageTokens;

    public Consumers(StreamCatalog catalog) {
        this.catalog = catalog;
        this.pageTokens = new PageTokens(catalog.tokens());
    }

    /** A stream and one of its consumers, found under the catalog lock. */
    public record Found(StreamRecord stream, ConsumerRecord consumer) {
    }

    public ConsumerDescription register(String streamArn, String consumerName, Map<String, String> tags) {
        if (tags != null) {
            TagRules.checkAdd("consumer " + consumerName, Map.of(), tags);
        }
        return catalog.mutate(state -> {
            StreamRecord stream = catalog.requireReadable(state, StreamRef.byArn(streamArn));
            if (stream.consumers.stream().anyMatch(c -> c.name.equals(consumerName))) {
                throw KinesisErrorType.RESOURCE_IN_USE.exception("Consumer %s under stream %s already exists for account %s.",
                    consumerName, stream.name, catalog.settings().accountId());
            }
            if (stream.consumers.size() >= MAX_CONSUMERS) {
                throw KinesisErrorType.LIMIT_EXCEEDED.exception(
                    "Stream %s under account %s already has %d registered consumers, the most allowed.", stream.name,
                    catalog.settings().accountId(), MAX_CONSUMERS);
            }
            ConsumerRecord consumer = new ConsumerRecord();
            consumer.name = consumerName;
            consumer.createdMillis = catalog.now();
            if (tags != null) {
                consumer.tags.putAll(tags);
            }
            stream.consumers.add(consumer);
            catalog.beginPhase(consumer, "CREATING");
            return describe(stream, consumer);
        });
    }

    public ConsumerDescription describe(String streamArn, String consumerName, String consumerArn) {
        return catalog.read(state -> {
            Found found = find(state, streamArn, consumerName, consumerArn);
            return describe(found.stream(), found.consumer());
        });
    }

    public Page<ConsumerDescription> list(String streamArn, Integer maxResults, String nextToken, Instant streamCreated) {
        int max = maxResults == null ? 100 : maxResults;
        long now = catalog.now();
        return catalog.read(state -> {
            StreamRecord stream = catalog.require(state, StreamRef.byArn(streamArn));
            if (streamCreated != null && streamCreated.toEpochMilli() != stream.createdMillis) {
                throw catalog.notFound(stream.name);
            }
            int from = 0;
            if (nextToken != null) {
                PageTokens.Cursor cursor = pageTokens.open(nextToken, "ListStreamConsumers", now);
                if (!cursor.scope().equals(stream.id)) {
                    throw KinesisErrorType.INVALID_ARGUMENT.exception("Invalid NextToken.");
                }
                from = (int) cursor.extra();
            }
            List<ConsumerRecord> all = stream.consumers;
            int to = Math.min(all.size(), from + max);
            List<ConsumerDescription> page = all.subList(Math.min(from, to), to).stream()
                .map(c -> describe(stream, c)).toList();
            boolean more = to < all.size();
            String token = more ? pageTokens.issue("ListStreamConsumers", stream.id, "", now, to) : null;
            return new Page<>(page, token, more);
        });
    }

    public void deregister(String streamArn, String consumerName, String consumerArn) {
        catalog.mutate(state -> {
            Found found = find(state, streamArn, consumerName, consumerArn);
            if (!found.consumer().status.equals("DELETING")) {
                catalog.beginPhase(found.consumer(), "DELETING");
            }
            return null;
        });
    }

    /** The consumer a request names by ARN, or by stream ARN plus name. Call under the catalog lock. */
    public Found find(CatalogState state, String streamArn, String consumerName, String consumerArn) {
        if (consumerArn != null) {
            ConsumerArns.Parsed parsed = ConsumerArns.parse(consumerArn);
            StreamRecord stream = streamOrConsumerNotFound(state, parsed.stream(), consumerArn);
            ConsumerRecord consumer = named(stream, parsed.consumer());
            if (consumer == null || consumer.createdMillis / 1000 != parsed.createdSeconds()) {
                throw consumerNotFound(consumerArn);
            }
            return new Found(stream, consumer);
        }
        if (streamArn == null || consumerName == null) {
            throw KinesisErrorType.INVALID_ARGUMENT.exception("Either ConsumerARN or both StreamARN and ConsumerName must be provided.");
        }
        StreamRecord stream = catalog.require(state, StreamRef.byArn(streamArn));
        ConsumerRecord consumer = named(stream, consumerName);
        if (consumer == null) {
            throw consumerNotFound(consumerName);
        }
        return new Found(stream, consumer);
    }

    public String arnOf(StreamRecord stream, ConsumerRecord consumer) {
        return catalog.settings().consumerArn(stream.name, consumer.name, consumer.createdMillis);
    }

    private StreamRecord streamOrConsumerNotFound(CatalogState state, String streamName, String consumerArn) {
        StreamRecord stream = state.streams.get(streamName);
        if (stream == null) {
            throw consumerNotFound(consumerArn);
        }
        return stream;
    }

    private RuntimeException consumerNotFound(String consumer) {
        return KinesisErrorType.RESOURCE_NOT_FOUND.exception("Consumer %s under account %s not found.", consumer,
            catalog.settings().accountId());
    }

    private ConsumerDescription describe(StreamRecord stream, ConsumerRecord consumer) {
        return new ConsumerDescription(consumer.name, arnOf(stream, consumer), consumer.status,
            Instant.ofEpochMilli(consumer.createdMillis), catalog.settings().streamArn(stream.name));
    }

    private static ConsumerRecord named(StreamRecord stream, String name) {
        return stream.consumers.stream().filter(c -> c.name.equals(name)).findFirst().orElse(null);
    }
}
