package dev.freshet.datastreams.kinesis;

import dev.freshet.datastreams.kinesis.internal.PageTokens;
import dev.freshet.datastreams.kinesis.internal.ShardRecord;
import dev.freshet.datastreams.kinesis.internal.ShardViews;
import dev.freshet.datastreams.kinesis.internal.StreamCatalog;
import dev.freshet.datastreams.kinesis.internal.StreamRecord;

import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

/**
 * ListShards, with paging and every ShardFilter type. Times are shard lifetimes: a shard is open
 * from its creation until a split or merge closed it. The trim horizon is the stream's retention
 * period ago (never before the stream existed).
 *
 * <ul>
 *   <li>AFTER_SHARD_ID: shards with ids after the given one;</li>
 *   <li>AT_TRIM_HORIZON / AT_TIMESTAMP: shards open at that moment;</li>
 *   <li>FROM_TRIM_HORIZON / FROM_TIMESTAMP: shards open at or after that moment (closed later, or still open);</li>
 *   <li>AT_LATEST: shards open now.</li>
 * </ul>
 *
 * <p>Thread-safe.
 */
public final class ShardListing {

    private final StreamCatalog catalog;
    private final PageTokens pageTokens;

    public ShardListing(StreamCatalog catalog) {
        this.catalog = catalog;
        this.pageTokens = new PageTokens(catalog.tokens());
    }

    /** ListShards' ShardFilter; {@code shardId} and {@code timestamp} per type. */
    public record ShardFilter(String type, String shardId, Instant timestamp) {
    }

    /** What ListShards asks; NextToken excludes the stream, start id, timestamp and filter. */
    public record ListShardsRequest(StreamRef stream, String nextToken, String exclusiveStartShardId, Integer maxResults,
                                    Instant streamCreationTimestamp, ShardFilter filter) {
    }

    public Page<ShardDescription> list(ListShardsRequest request) {
        long now = catalog.now();
        int max = request.maxResults() == null ? 1000 : request.maxResults();
        PageTokens.Cursor cursor = request.nextToken() == null ? null : openToken(request);
        return catalog.read(state -> {
            StreamRecord stream = cursor == null ? catalog.require(state, request.stream())
                : state.streams.values().stream().filter(s -> s.id.equals(cursor.scope())).findFirst()
                    .orElseThrow(() -> KinesisErrorType.RESOURCE_NOT_FOUND.exception("The stream of that NextToken no longer exists."));
            if (request.streamCreationTimestamp() != null && request.streamCreationTimestamp().toEpochMilli() != stream.createdMillis) {
                throw catalog.notFound(stream.name);
            }
            String after = cursor != null ? cursor.after().substring(0, cursor.after().indexOf('#'))
                : request.exclusiveStartShardId();
            Predicate<ShardRecord> filter = cursor != null ? decodeFilter(stream, cursor, now) : filter(stream, request.filter(), now);
            List<ShardRecord> matching = ShardViews.visible(stream, now).stream()
                .filter(s -> after == null || s.id.compareTo(after) > 0).filter(filter).toList();
            List<ShardDescription> page = matching.stream().limit(max).map(ShardViews::describe).toList();
            boolean more = matching.size() > page.size();
            String token = more ? issueToken(stream, page.get(page.size() - 1).shardId(), request.filter(), now) : null;
            return new Page<>(page, token, more);
        });
    }

    private PageTokens.Cursor openToken(ListShardsRequest request) {
        if (request.stream().name() != null || request.exclusiveStartShardId() != null
            || request.streamCreationTimestamp() != null || request.filter() != null) {
            throw KinesisErrorType.INVALID_ARGUMENT.exception(
                "NextToken and StreamName, ExclusiveStartShardId, StreamCreationTimestamp or ShardFilter cannot be provided together.");
        }
        return pageTokens.open(request.nextToken(), "ListShards", catalog.now());
    }

    /** The filter travels in the token as "type|shardId" and the timestamp in its number field. */
    private String issueToken(StreamRecord stream, String lastShardId, ShardFilter filter, long now) {
        String encoded = filter == null ? "" : filter.type() + "|" + (filter.shardId() == null ? "" : filter.shardId());
        long at = filter == null || filter.timestamp() == null ? Long.MIN_VALUE : filter.timestamp().toEpochMilli();
        return pageTokens.issue("ListShards", stream.id, lastShardId + "#" + encoded, now, at);
    }

    private Predicate<ShardRecord> decodeFilter(StreamRecord stream, PageTokens.Cursor cursor, long now) {
        String encoded = cursor.after().substring(cursor.after().indexOf('#') + 1);
        if (encoded.isEmpty()) {
            return s -> true;
        }
        String[] parts = encoded.split("\\|", -1);
        Instant at = cursor.extra() == Long.MIN_VALUE ? null : Instant.ofEpochMilli(cursor.extra());
        return filter(stream, new ShardFilter(parts[0], parts[1].isEmpty() ? null : parts[1], at), now);
    }

    private Predicate<ShardRecord> filter(StreamRecord stream, ShardFilter filter, long now) {
        if (filter == null) {
            return s -> true;
        }
        long horizon = Math.max(stream.createdMillis, now - stream.retentionHours * 3_600_000L);
        return switch (filter.type()) {
            case "AFTER_SHARD_ID" -> afterShard(filter);
            case "AT_TRIM_HORIZON" -> openAt(horizon);
            case "FROM_TRIM_HORIZON" -> openAtOrAfter(horizon);
            case "AT_LATEST" -> ShardRecord::isOpen;
            case "AT_TIMESTAMP" -> openAt(Math.max(stream.createdMillis, requireTimestamp(filter)));
            case "FROM_TIMESTAMP" -> openAtOrAfter(requireTimestamp(filter));
            default -> throw KinesisErrorType.INVALID_ARGUMENT.exception("Unknown ShardFilter type %s.", filter.type());
        };
    }

    private static Predicate<ShardRecord> afterShard(ShardFilter filter) {
        if (filter.shardId() == null) {
            throw KinesisErrorType.INVALID_ARGUMENT.exception("ShardFilter type AFTER_SHARD_ID requires a ShardId.");
        }
        return s -> s.id.compareTo(filter.shardId()) > 0;
    }

    private static Predicate<ShardRecord> openAt(long millis) {
        return s -> s.createdMillis <= millis && (s.isOpen() || s.closedMillis >= millis);
    }

    private static Predicate<ShardRecord> openAtOrAfter(long millis) {
        return s -> s.isOpen() || s.closedMillis >= millis;
    }

    private static long requireTimestamp(ShardFilter filter) {
        if (filter.timestamp() == null) {
            throw KinesisErrorType.INVALID_ARGUMENT.exception("ShardFilter type %s requires a Timestamp.", filter.type());
        }
        return filter.timestamp().toEpochMilli();
    }
}
