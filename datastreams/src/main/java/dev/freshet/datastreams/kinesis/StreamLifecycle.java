package dev.freshet.datastreams.kinesis;

import dev.freshet.datastreams.kinesis.internal.CatalogState;
import dev.freshet.datastreams.kinesis.internal.HashKeys;
import dev.freshet.datastreams.kinesis.internal.PageTokens;
import dev.freshet.datastreams.kinesis.internal.ShardRecord;
import dev.freshet.datastreams.kinesis.internal.ShardViews;
import dev.freshet.datastreams.kinesis.internal.StreamCatalog;
import dev.freshet.datastreams.kinesis.internal.StreamIds;
import dev.freshet.datastreams.kinesis.internal.StreamRecord;
import dev.freshet.datastreams.kinesis.internal.TagRules;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * CreateStream, DeleteStream, DescribeStream, DescribeStreamSummary, ListStreams,
 * UpdateStreamMode and DescribeLimits.
 *
 * <p>Thread-safe.
 */
public final class StreamLifecycle {

    /** Shards an on-demand stream starts with. */
    public static final int ON_DEMAND_INITIAL_SHARDS = 4;

    private final StreamCatalog catalog;
    private final PageTokens pageTokens;

    public StreamLifecycle(StreamCatalog catalog) {
        this.catalog = catalog;
        this.pageTokens = new PageTokens(catalog.tokens());
    }

    /** What CreateStream asks for; null members were not given. */
    public record CreateRequest(String name, Integer shardCount, String mode, Map<String, String> tags,
                                Integer warmThroughputMiBps, Integer maxRecordSizeKiB) {
    }

    public void create(CreateRequest request) {
        String mode = request.mode() == null ? "PROVISIONED" : request.mode();
        int shards = checkShardCount(mode, request.shardCount());
        if (request.warmThroughputMiBps() != null && !mode.equals("ON_DEMAND")) {
            throw KinesisErrorType.INVALID_ARGUMENT.exception("WarmThroughputMiBps applies to ON_DEMAND streams only.");
        }
        if (request.tags() != null) {
            TagRules.checkAdd("stream " + request.name(), Map.of(), request.tags());
        }
        catalog.mutate(state -> {
            checkCreate(state, request.name(), mode, shards);
            StreamRecord stream = newStream(request, mode);
            for (int i = 0; i < shards; i++) {
                addShard(stream, stream.createdMillis, HashKeys.uniformStart(i, shards).toString(),
                    HashKeys.uniformStart(i + 1, shards).subtract(java.math.BigInteger.ONE).toString(), null, null);
            }
            state.streams.put(stream.name, stream);
            catalog.beginPhase(stream, "CREATING");
            return null;
        });
    }

    public void delete(StreamRef ref, boolean enforceConsumerDeletion) {
        catalog.mutate(state -> {
            StreamRecord stream = catalog.require(state, ref);
            if (stream.status.equals("DELETING")) {
                throw catalog.notFound(stream.name);
            }
            if (!stream.consumers.isEmpty() && !enforceConsumerDeletion) {
                throw KinesisErrorType.RESOURCE_IN_USE.exception(
                    "Stream %s under account %s has registered consumers; delete them or set EnforceConsumerDeletion.",
                    stream.name, catalog.settings().accountId());
            }
            stream.consumers.clear();
            catalog.beginPhase(stream, "DELETING");
            return null;
        });
    }

    public StreamDescription describe(StreamRef ref, Integer limit, String exclusiveStartShardId) {
        int max = limit == null ? 100 : limit;
        return catalog.read(state -> {
            StreamRecord stream = catalog.require(state, ref);
            List<ShardRecord> shards = ShardViews.visible(stream, catalog.now());
            int from = 0;
            if (exclusiveStartShardId != null) {
                while (from < shards.size() && shards.get(from).id.compareTo(exclusiveStartShardId) <= 0) {
                    from++;
                }
            }
            int to = Math.min(shards.size(), from + max);
            List<ShardDescription> page = shards.subList(from, to).stream().map(ShardViews::describe).toList();
            return description(stream, page, to < shards.size());
        });
    }

    public StreamDescription describeSummary(StreamRef ref) {
        return catalog.read(state -> description(catalog.require(state, ref), List.of(), false));
    }

    public Page<StreamSummary> list(Integer limit, String exclusiveStartStreamName, String nextToken) {
        int max = limit == null ? 100 : limit;
        long now = catalog.now();
        String after = nextToken != null
            ? pageTokens.open(nextToken, "ListStreams", now).after()
            : exclusiveStartStreamName;
        return catalog.read(state -> {
            var tail = after == null ? state.streams : state.streams.tailMap(after, false);
            List<StreamSummary> page = tail.values().stream().limit(max).map(this::summary).toList();
            boolean more = tail.size() > page.size();
            String token = more ? pageTokens.issue("ListStreams", "", page.get(page.size() - 1).name(), now, 0) : null;
            return new Page<>(page, token, more);
        });
    }

    public void updateMode(StreamRef ref, String mode, Integer warmThroughputMiBps) {
        catalog.mutate(state -> {
            StreamRecord stream = catalog.requireActive(state, ref);
            if (stream.mode.equals(mode)) {
                throw KinesisErrorType.INVALID_ARGUMENT.exception("Stream %s under account %s is already in %s mode.",
                    stream.name, catalog.settings().accountId(), mode);
            }
            if (mode.equals("ON_DEMAND")) {
                checkOnDemandRoom(state);
            } else if (warmThroughputMiBps != null) {
                throw KinesisErrorType.INVALID_ARGUMENT.exception("WarmThroughputMiBps applies to ON_DEMAND streams only.");
            }
            stream.mode = mode;
            stream.warmThroughputTargetMiBps = mode.equals("ON_DEMAND") ? warmThroughputMiBps : null;
            catalog.beginPhase(stream, "UPDATING");
            return null;
        });
    }

    public StreamLimits describeLimits() {
        return catalog.read(state -> new StreamLimits(catalog.settings().shardLimit(), openShards(state),
            onDemandStreams(state), catalog.settings().onDemandStreamLimit()));
    }

    private int checkShardCount(String mode, Integer shardCount) {
        if (mode.equals("ON_DEMAND")) {
            if (shardCount != null) {
                throw KinesisErrorType.INVALID_ARGUMENT.exception("ShardCount must not be given for an ON_DEMAND stream.");
            }
            return ON_DEMAND_INITIAL_SHARDS;
        }
        if (shardCount == null) {
            throw KinesisErrorType.INVALID_ARGUMENT.exception("ShardCount is required for a PROVISIONED stream.");
        }
        return shardCount;
    }

    private void checkCreate(CatalogState state, String name, String mode, int shards) {
        if (state.streams.containsKey(name)) {
            throw KinesisErrorType.RESOURCE_IN_USE.exception("Stream %s under account %s already exists.", name,
                catalog.settings().accountId());
        }
        checkShardRoom(state, shards);
        if (mode.equals("ON_DEMAND")) {
            checkOnDemandRoom(state);
        }
    }

    /** LimitExceededException unless {@code adding} more open shards fit the account's shard limit. */
    void checkShardRoom(CatalogState state, int adding) {
        long open = openShards(state);
        long limit = catalog.settings().shardLimit();
        if (open + adding > limit) {
            throw KinesisErrorType.LIMIT_EXCEEDED.exception(
                "This request would exceed the shard limit for the account %s in %s. Current limit of shards is %d. "
                    + "Number of additional shards that would have resulted from this request: %d.",
                catalog.settings().accountId(), catalog.settings().region(), limit, open + adding - limit);
        }
    }

    private void checkOnDemandRoom(CatalogState state) {
        if (onDemandStreams(state) >= catalog.settings().onDemandStreamLimit()) {
            throw KinesisErrorType.LIMIT_EXCEEDED.exception("This request would exceed the limit of %d ON_DEMAND streams for the account %s.",
                catalog.settings().onDemandStreamLimit(), catalog.settings().accountId());
        }
    }

    private StreamRecord newStream(CreateRequest request, String mode) {
        StreamRecord stream = new StreamRecord();
        stream.name = request.name();
        stream.id = StreamIds.next();
        stream.createdMillis = catalog.now();
        stream.mode = mode;
        stream.warmThroughputTargetMiBps = request.warmThroughputMiBps();
        if (request.maxRecordSizeKiB() != null) {
            stream.maxRecordSizeKiB = request.maxRecordSizeKiB();
        }
        if (request.tags() != null) {
            stream.tags.putAll(request.tags());
        }
        return stream;
    }

    /** Appends a new open shard to the stream's shard map (metadata only; its log opens on first use). */
    static ShardRecord addShard(StreamRecord stream, long nowMillis, String startHash, String endHash, String parent,
                                String adjacentParent) {
        ShardRecord shard = new ShardRecord();
        shard.index = stream.nextShardIndex++;
        shard.id = ShardRecord.idOf(shard.index);
        shard.startHash = startHash;
        shard.endHash = endHash;
        shard.parent = parent;
        shard.adjacentParent = adjacentParent;
        shard.createdMillis = nowMillis;
        stream.shards.add(shard);
        return shard;
    }

    private StreamDescription description(StreamRecord stream, List<ShardDescription> shards, boolean more) {
        int open = (int) stream.shards.stream().filter(ShardRecord::isOpen).count();
        Integer warm = stream.warmThroughputTargetMiBps;
        return new StreamDescription(stream.name, catalog.settings().streamArn(stream.name), stream.id, stream.status,
            stream.mode, shards, more, stream.retentionHours, Instant.ofEpochMilli(stream.createdMillis),
            Collections.unmodifiableSortedSet(new TreeSet<>(stream.shardLevelMetrics)), stream.encryptionType, stream.keyId, open,
            stream.consumers.size(), warm, warm == null ? 0 : warm, stream.maxRecordSizeKiB);
    }

    private StreamSummary summary(StreamRecord stream) {
        return new StreamSummary(stream.name, catalog.settings().streamArn(stream.name), stream.status, stream.mode,
            Instant.ofEpochMilli(stream.createdMillis));
    }

    private static int openShards(CatalogState state) {
        int open = 0;
        for (StreamRecord stream : state.streams.values()) {
            open += (int) stream.shards.stream().filter(ShardRecord::isOpen).count();
        }
        return open;
    }

    private static int onDemandStreams(CatalogState state) {
        return (int) state.streams.values().stream().filter(s -> s.mode.equals("ON_DEMAND")).count();
    }
}
