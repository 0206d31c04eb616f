package dev.freshet.delivery.engine;

import dev.freshet.datastreams.kinesis.DataStreams;
import dev.freshet.datastreams.kinesis.GetRecordsResult;
import dev.freshet.datastreams.kinesis.KinesisErrorType;
import dev.freshet.datastreams.kinesis.KinesisException;
import dev.freshet.datastreams.kinesis.KinesisRecord;
import dev.freshet.datastreams.kinesis.Page;
import dev.freshet.datastreams.kinesis.RecordReader;
import dev.freshet.datastreams.kinesis.ShardDescription;
import dev.freshet.datastreams.kinesis.ShardListing;
import dev.freshet.datastreams.kinesis.StreamRef;
import dev.freshet.delivery.DeliveryRecord;
import dev.freshet.delivery.DeliverySource;
import dev.freshet.delivery.SourceRecordMetadata;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A KinesisStreamAsSource stream's source: every shard of a Freshet data stream, read through the
 * Kinesis services' public API (ListShards, GetShardIterator, GetRecords, and
 * {@link RecordReader#awaitRecords} to wait without polling). Each record carries its
 * {@link SourceRecordMetadata} (stream ARN, shard, partition key, sequence number).
 *
 * <p>Lineage: a shard is read only once each of its parents is <em>delivered</em> to its end (in
 * the committed checkpoint) or gone (expired), so records of one partition key reach the
 * destination in order across splits and merges. A shard read to its end is finished in the
 * checkpoint of the batch holding its last records (at once, if it had none left).
 *
 * <p>Checkpoint: per shard the last delivered sequence number (reading resumes AFTER it), plus the
 * finished shards; a shard never read starts AT_TIMESTAMP of the source's start time.
 *
 * <p>Not thread-safe: the delivery thread owns it.
 */
final class KinesisStreamSource implements SourceReader {

    private static final Logger LOG = LoggerFactory.getLogger(KinesisStreamSource.class);

    /** One shard being read. */
    private static final class Cursor {
        final String shardId;
        String iterator;
        String lastRead;
        boolean ended;

        Cursor(String shardId, String lastRead) {
            this.shardId = shardId;
            this.lastRead = lastRead;
        }
    }

    private final DataStreams kinesis;
    private final DeliverySource.KinesisStream stream;
    private final CheckpointFile checkpoints;
    private CheckpointState committed;
    private final Map<String, Cursor> cursors = new TreeMap<>();
    private boolean needsListing = true;
    private long averageRecordBytes = 1024;
    private volatile long oldestUnread = -1;

    private KinesisStreamSource(DataStreams kinesis, DeliverySource.KinesisStream stream, CheckpointFile checkpoints,
            CheckpointState committed) {
        this.kinesis = kinesis;
        this.stream = stream;
        this.checkpoints = checkpoints;
        this.committed = committed;
    }

    static KinesisStreamSource open(DataStreams kinesis, DeliverySource.KinesisStream stream, CheckpointFile checkpoints) {
        return new KinesisStreamSource(kinesis, stream, checkpoints, checkpoints.read().orElseGet(CheckpointState::new));
    }

    @Override
    public long read(List<DeliveryRecord> into, int maxRecords, long maxBytes) {
        if (needsListing) {
            list();
        }
        long bytes = 0;
        for (Cursor cursor : List.copyOf(cursors.values())) {
            if (cursor.ended || bytes >= maxBytes) {
                continue;
            }
            int limit = (int) Math.max(1, Math.min(Math.min(maxRecords, RecordReader.MAX_LIMIT),
                (maxBytes - bytes) / Math.max(1, averageRecordBytes)));
            bytes += readShard(cursor, into, limit);
        }
        return bytes;
    }

    private long readShard(Cursor cursor, List<DeliveryRecord> into, int limit) {
        GetRecordsResult result;
        try {
            if (cursor.iterator == null) {
                cursor.iterator = iterator(cursor);
            }
            result = kinesis.reader().getRecords(cursor.iterator, limit, null);
        } catch (KinesisException e) {
            if (e.type() == KinesisErrorType.EXPIRED_ITERATOR) {
                cursor.iterator = null;
                return 0;
            }
            throw e;
        }
        long bytes = 0;
        for (KinesisRecord record : result.records()) {
            SourceRecordMetadata source = new SourceRecordMetadata(stream.streamArn(), cursor.shardId,
                record.partitionKey(), record.arrivalMillis(), record.sequenceNumber(), 0);
            into.add(new DeliveryRecord(record.sequenceNumber(), record.arrivalMillis(), record.data(), Map.of(), source));
            bytes += record.data().length;
            cursor.lastRead = record.sequenceNumber();
        }
        if (!result.records().isEmpty()) {
            averageRecordBytes = Math.max(1, bytes / result.records().size());
        }
        oldestUnread = result.millisBehindLatest() > 0 ? System.currentTimeMillis() - result.millisBehindLatest() : -1;
        cursor.iterator = result.nextShardIterator();
        if (cursor.iterator == null) {
            shardEnded(cursor, !result.records().isEmpty());
        }
        return bytes;
    }

    /** A shard read to its end: finished now if nothing of it waits for delivery, else with its last batch. */
    private void shardEnded(Cursor cursor, boolean recordsPending) {
        cursor.ended = true;
        String delivered = committed.shardSequences.get(cursor.shardId);
        boolean nothingPending = !recordsPending && java.util.Objects.equals(delivered, cursor.lastRead);
        if (nothingPending) {
            CheckpointState next = committed.copy();
            next.finishedShards.add(cursor.shardId);
            commit(next);
        }
    }

    private String iterator(Cursor cursor) {
        StreamRef ref = StreamRef.named(stream.streamName());
        RecordReader.IteratorRequest request = cursor.lastRead != null
            ? new RecordReader.IteratorRequest(ref, cursor.shardId, "AFTER_SEQUENCE_NUMBER", cursor.lastRead, null)
            : new RecordReader.IteratorRequest(ref, cursor.shardId, "AT_TIMESTAMP", null,
                Instant.ofEpochMilli(stream.startAtMillis()));
        return kinesis.reader().getShardIterator(request);
    }

    /** Opens a cursor for every shard that is not finished and whose parents are finished or gone. */
    private void list() {
        List<ShardDescription> shards = allShards();
        Set<String> present = new HashSet<>();
        for (ShardDescription shard : shards) {
            present.add(shard.shardId());
        }
        // shards gone from the stream (expired) can never come back: keep the checkpoint small
        committed.finishedShards.retainAll(present);
        for (ShardDescription shard : shards) {
            String id = shard.shardId();
            if (committed.finishedShards.contains(id) || cursors.containsKey(id)) {
                continue;
            }
            if (parentDone(shard.parentShardId(), present) && parentDone(shard.adjacentParentShardId(), present)) {
                cursors.put(id, new Cursor(id, committed.shardSequences.get(id)));
            }
        }
        needsListing = false;
    }

    private boolean parentDone(String parent, Set<String> present) {
        return parent == null || !present.contains(parent) || committed.finishedShards.contains(parent);
    }

    private List<ShardDescription> allShards() {
        List<ShardDescription> all = new ArrayList<>();
        String token = null;
        do {
            ShardListing.ListShardsRequest request = token == null
                ? new ShardListing.ListShardsRequest(StreamRef.named(stream.streamName()), null, null, null, null, null)
                : new ShardListing.ListShardsRequest(new StreamRef(null, null), token, null, null, null, null);
            Page<ShardDescription> page = kinesis.shards().list(request);
            all.addAll(page.items());
            token = page.nextToken();
        } while (token != null);
        return all;
    }

    @Override
    public CompletableFuture<Void> awaitMore() {
        List<CompletableFuture<Void>> waits = new ArrayList<>();
        for (Cursor cursor : cursors.values()) {
            if (cursor.ended) {
                continue;
            }
            try {
                if (cursor.iterator == null) {
                    cursor.iterator = iterator(cursor);
                }
                waits.add(kinesis.reader().awaitRecords(cursor.iterator));
            } catch (KinesisException e) {
                LOG.atDebug().setMessage("cannot wait on shard").addKeyValue("shard", cursor.shardId).setCause(e).log();
                cursor.iterator = null;
                return CompletableFuture.completedFuture(null);
            }
        }
        if (waits.isEmpty()) {
            // no shard to wait on: the loop's wait limit brings it back to list the shards again
            needsListing = true;
            return new CompletableFuture<>();
        }
        return CompletableFuture.anyOf(waits.toArray(CompletableFuture[]::new)).thenApply(ignored -> null);
    }

    @Override
    public CheckpointState mark() {
        CheckpointState mark = committed.copy();
        for (Cursor cursor : cursors.values()) {
            if (cursor.lastRead != null) {
                mark.shardSequences.put(cursor.shardId, cursor.lastRead);
            }
            if (cursor.ended) {
                mark.finishedShards.add(cursor.shardId);
            }
        }
        return mark;
    }

    @Override
    public void commit(CheckpointState mark) {
        checkpoints.write(mark);
        committed = mark;
        boolean finishedAny = cursors.values().removeIf(cursor -> mark.finishedShards.contains(cursor.shardId));
        if (finishedAny) {
            committed.shardSequences.keySet().removeIf(mark.finishedShards::contains);
            needsListing = true;
        }
    }

    @Override
    public long oldestUnreadArrival() {
        return oldestUnread;
    }

    @Override
    public void close() {
    }
}
