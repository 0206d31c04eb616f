package dev.freshet.datastreams.kinesis.internal;

import dev.freshet.datastreams.kinesis.ChildShard;
import dev.freshet.datastreams.kinesis.KinesisErrorType;
import dev.freshet.datastreams.kinesis.KinesisRecord;
import dev.freshet.datastreams.log.LogRecord;
import dev.freshet.datastreams.log.ShardLog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What GetRecords and SubscribeToShard share: turning a starting position into a log sequence,
 * log records into Kinesis records, and a closed shard into its children.
 *
 * <p>Stateless and thread-safe; methods taking records run under the catalog's lock.
 */
public final class ShardReads {

    private ShardReads() {
    }

    /** A shard of a readable stream, or ResourceNotFoundException worded as the service does. */
    public static ShardRecord requireShard(StreamCatalog catalog, StreamRecord stream, String shardId) {
        ShardRecord shard = ShardViews.find(stream, shardId);
        if (shard == null || !ShardViews.visible(stream, catalog.now()).contains(shard)) {
            throw KinesisErrorType.RESOURCE_NOT_FOUND.exception("Shard %s in stream %s under account %s does not exist",
                shardId, stream.name, catalog.settings().accountId());
        }
        return shard;
    }

    /** The log sequence an iterator type names (AT/AFTER_SEQUENCE_NUMBER, TRIM_HORIZON, LATEST, AT_TIMESTAMP). */
    public static long startSequence(StreamCatalog catalog, StreamRecord stream, ShardRecord shard, ShardLog log,
                                     String type, String sequenceNumber, Instant timestamp) {
        String accountId = catalog.settings().accountId();
        return switch (type) {
            case "TRIM_HORIZON" -> log.startSequence();
            case "LATEST" -> log.endSequence();
            case "AT_TIMESTAMP" -> log.sequenceAtTimestamp(pastTimestamp(timestamp, catalog.now()));
            case "AT_SEQUENCE_NUMBER" -> Math.max(0, decode(stream, shard, sequenceNumber, accountId) - 1);
            case "AFTER_SEQUENCE_NUMBER" -> decode(stream, shard, sequenceNumber, accountId);
            default -> throw KinesisErrorType.INVALID_ARGUMENT.exception("Unknown ShardIteratorType %s.", type);
        };
    }

    public static List<KinesisRecord> present(ShardRecord shard, List<LogRecord> records, String encryptionType) {
        String encryption = "KMS".equals(encryptionType) ? "KMS" : null;
        List<KinesisRecord> out = new ArrayList<>(records.size());
        SequenceNumberRun numbers = ShardViews.sequenceNumbers(shard);
        for (LogRecord record : records) {
            out.add(new KinesisRecord(ShardViews.sequenceNumber(numbers, record.sequence(), record.timestamp()),
                record.timestamp(), record.data(), record.partitionKey(), encryption));
        }
        return out;
    }

    public static List<ChildShard> children(StreamRecord stream, ShardRecord parent) {
        List<ChildShard> children = new ArrayList<>();
        for (ShardRecord shard : stream.shards) {
            if (parent.id.equals(shard.parent) || parent.id.equals(shard.adjacentParent)) {
                List<String> parents = shard.adjacentParent == null ? List.of(shard.parent)
                    : List.of(shard.parent, shard.adjacentParent);
                children.add(new ChildShard(shard.id, parents, shard.startHash, shard.endHash));
            }
        }
        return children;
    }

    /** MillisBehindLatest: 0 when caught up, else how old the next unread record is. */
    public static long millisBehind(ShardLog log, long next, long nowMillis) {
        if (next >= log.endSequence()) {
            return 0;
        }
        long timestamp = log.timestampOf(Math.max(next, log.startSequence()));
        return timestamp < 0 ? 0 : Math.max(0, nowMillis - timestamp);
    }

    private static long pastTimestamp(Instant timestamp, long nowMillis) {
        if (timestamp == null) {
            throw KinesisErrorType.INVALID_ARGUMENT.exception(
                "Must specify timestampInMillis parameter for iterator of type AT_TIMESTAMP. Current request has no "
                    + "timestamp parameter.");
        }
        if (timestamp.toEpochMilli() > nowMillis) {
            throw KinesisErrorType.INVALID_ARGUMENT.exception(
                "The timestampInMillis parameter cannot be greater than the currentTimestampInMillis. timestampInMillis: "
                    + "%d, currentTimestampInMillis: %d", timestamp.toEpochMilli(), nowMillis);
        }
        return timestamp.toEpochMilli();
    }

    /** The {@code n} a sequence number encodes, checked to belong to the shard. */
    private static long decode(StreamRecord stream, ShardRecord shard, String sequenceNumber, String accountId) {
        if (sequenceNumber == null) {
            throw KinesisErrorType.INVALID_ARGUMENT.exception(
                "Must specify StartingSequenceNumber for iterator of type AT_SEQUENCE_NUMBER or AFTER_SEQUENCE_NUMBER.");
        }
        SequenceNumbers.Decoded decoded = SequenceNumbers.parse(sequenceNumber).orElseThrow(() ->
            KinesisErrorType.INVALID_ARGUMENT.exception(
                "StartingSequenceNumber %s used in GetShardIterator on shard %s in stream %s under account %s is invalid.",
                sequenceNumber, shard.id, stream.name, accountId));
        if (!decoded.belongsTo(shard.index, shard.createdSeconds())) {
            throw KinesisErrorType.INVALID_ARGUMENT.exception(
                "Invalid StartingSequenceNumber. It encodes %s, while it was used in a call to a shard with %s",
                ShardRecord.idOf(decoded.shardIndex()), shard.id);
        }
        return decoded.n();
    }
}
