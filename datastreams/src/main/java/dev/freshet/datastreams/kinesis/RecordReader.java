package dev.freshet.datastreams.kinesis;

import dev.freshet.datastreams.kinesis.internal.ShardIterators;
import dev.freshet.datastreams.kinesis.internal.ShardReads;
import dev.freshet.datastreams.kinesis.internal.ShardRecord;
import dev.freshet.datastreams.kinesis.internal.StreamCatalog;
import dev.freshet.datastreams.kinesis.internal.StreamRecord;
import dev.freshet.datastreams.log.ReadResult;
import dev.freshet.datastreams.log.ShardLog;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * GetShardIterator and GetRecords. Reads go straight to the shard log; iterators are sealed
 * positions (see {@link ShardIterators}) that expire after the configured TTL.
 *
 * <p>Thread-safe.
 */
public final class RecordReader {

    public static final int MAX_LIMIT = 10_000;
    public static final long MAX_RESPONSE_BYTES = 10L * 1024 * 1024;

    private final StreamCatalog catalog;
    private final ThroughputLimits limits;
    private final StreamMetrics metrics;
    private final ShardIterators iterators;

    public RecordReader(StreamCatalog catalog, ThroughputLimits limits, StreamMetrics metrics) {
        this.catalog = catalog;
        this.limits = limits;
        this.metrics = metrics;
        this.iterators = new ShardIterators(catalog.tokens(), catalog.settings().iteratorTtl());
    }

    /** What GetShardIterator needs; {@code sequenceNumber} and {@code timestamp} per iterator type. */
    public record IteratorRequest(StreamRef stream, String shardId, String type, String sequenceNumber,
                                  Instant timestamp) {
    }

    public String getShardIterator(IteratorRequest request) {
        return catalog.read(state -> {
            StreamRecord stream = catalog.requireReadable(state, request.stream());
            ShardRecord shard = ShardReads.requireShard(catalog, stream, request.shardId());
            ShardLog log = catalog.log(stream, shard);
            long start = ShardReads.startSequence(catalog, stream, shard, log, request.type(), request.sequenceNumber(),
                request.timestamp());
            return iterators.issue(stream.name, stream.id, shard.id, start, catalog.now());
        });
    }

    /**
     * Completes once the iterator's shard holds a record at or after the iterator's position, or
     * the shard was closed: a tailing reader in this process (a delivery stream reading its source)
     * waits here instead of polling GetRecords. The iterator is checked as GetRecords checks it.
     */
    public CompletableFuture<Void> awaitRecords(String shardIterator) {
        ShardIterators.Position position = iterators.open(shardIterator, catalog.now());
        return source(position, null).log().awaitBeyond(position.sequence());
    }

    /**
     * What a read needs from the metadata, captured under the catalog lock (the stream and shard
     * records are only read outside it for fields fixed at creation: names, ids, index).
     */
    private record Source(StreamRecord stream, ShardRecord shard, ShardLog log, boolean shardLevel,
                          boolean ageShardLevel, String encryptionType, Long closedEnd) {
        boolean atClosedEnd(long next) {
            return closedEnd != null && next >= closedEnd;
        }
    }

    public GetRecordsResult getRecords(String shardIterator, Integer limit, String streamArn) {
        long now = catalog.now();
        ShardIterators.Position position = iterators.open(shardIterator, now);
        Source source = source(position, streamArn);
        String shardId = source.shard().id;
        if (!limits.admitRead(source.stream().id, shardId)) {
            metrics.throughputExceeded(source.stream().name, shardId, source.shardLevel(), false);
            throw KinesisErrorType.PROVISIONED_THROUGHPUT_EXCEEDED.exception(
                "Rate exceeded for Shard - %s in stream %s under account %s.", shardId, source.stream().name,
                catalog.settings().accountId());
        }
        int max = limit == null ? MAX_LIMIT : limit;
        ReadResult read = source.log().read(position.sequence(), max, MAX_RESPONSE_BYTES);
        limits.chargeRead(source.stream().id, shardId, read.bytes());
        report(source, read, now);
        List<KinesisRecord> records = ShardReads.present(source.shard(), read.records(), source.encryptionType());
        long behind = ShardReads.millisBehind(source.log(), read.nextSequence(), now);
        if (source.atClosedEnd(read.nextSequence())) {
            List<ChildShard> children = catalog.read(state -> ShardReads.children(source.stream(), source.shard()));
            return new GetRecordsResult(records, null, behind, children);
        }
        String next = iterators.issue(position.streamName(), position.streamId(), shardId, read.nextSequence(), now);
        return new GetRecordsResult(records, next, behind, null);
    }

    private Source source(ShardIterators.Position position, String streamArn) {
        return catalog.read(state -> {
            if (streamArn != null && !catalog.resolveName(StreamRef.byArn(streamArn)).equals(position.streamName())) {
                throw KinesisErrorType.INVALID_ARGUMENT.exception("StreamARN %s does not match the shard iterator's stream.",
                    streamArn);
            }
            StreamRecord stream = catalog.requireReadable(state, StreamRef.named(position.streamName()));
            if (!stream.id.equals(position.streamId())) {
                throw catalog.notFound(position.streamName());
            }
            ShardRecord shard = ShardReads.requireShard(catalog, stream, position.shardId());
            boolean shardLevel = stream.shardLevelMetrics.contains("OutgoingBytes")
                || stream.shardLevelMetrics.contains("OutgoingRecords");
            return new Source(stream, shard, catalog.log(stream, shard), shardLevel,
                stream.shardLevelMetrics.contains("IteratorAgeMilliseconds"), stream.encryptionType,
                shard.isOpen() ? null : shard.endSequence);
        });
    }

    private void report(Source source, ReadResult read, long now) {
        String stream = source.stream().name;
        String shardId = source.shard().id;
        metrics.outgoing(stream, shardId, source.shardLevel(), read.records().size(), read.bytes());
        long age = read.records().isEmpty() ? 0 : Math.max(0, now - read.records().get(read.records().size() - 1).timestamp());
        metrics.iteratorAge(stream, shardId, source.ageShardLevel(), read.caughtUp() ? 0 : age);
    }
}
