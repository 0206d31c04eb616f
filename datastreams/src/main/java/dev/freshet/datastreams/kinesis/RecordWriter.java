package dev.freshet.datastreams.kinesis;

import dev.freshet.datastreams.kinesis.internal.HashKeys;
import dev.freshet.datastreams.kinesis.internal.SequenceNumberRun;
import dev.freshet.datastreams.kinesis.internal.SequenceNumbers;
import dev.freshet.datastreams.kinesis.internal.ShardRecord;
import dev.freshet.datastreams.kinesis.internal.ShardRouter;
import dev.freshet.datastreams.kinesis.internal.ShardViews;
import dev.freshet.datastreams.kinesis.internal.StreamCatalog;
import dev.freshet.datastreams.kinesis.internal.StreamRecord;
import dev.freshet.datastreams.log.AppendRecord;
import dev.freshet.datastreams.log.AppendResult;
import dev.freshet.datastreams.log.SealedLogException;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * PutRecord and PutRecords: routes each record to the open shard whose hash key range holds MD5 of
 * its partition key (or its explicit hash key), appends each shard's share as one batch (so the
 * shard log group-commits it), and answers with the service's sequence numbers once stored. A
 * batch that meets a shard closed by a concurrent split or merge is routed again to the children.
 *
 * <p>Thread-safe.
 */
public final class RecordWriter {

    public static final int MAX_RECORDS = 500;
    public static final long MAX_BATCH_BYTES = 5L * 1024 * 1024;
    private static final int MAX_ROUTING_ATTEMPTS = 5;

    private final StreamCatalog catalog;
    private final ThroughputLimits limits;
    private final StreamMetrics metrics;
    private final ShardTraffic traffic;

    RecordWriter(StreamCatalog catalog, ThroughputLimits limits, StreamMetrics metrics, ShardTraffic traffic) {
        this.catalog = catalog;
        this.limits = limits;
        this.metrics = metrics;
        this.traffic = traffic;
    }

    /** One record to put. {@code explicitHashKey} may be null. */
    public record Entry(String partitionKey, String explicitHashKey, byte[] data) {
    }

    /** Where a record went, or why it did not (ErrorCode/ErrorMessage, as PutRecords reports). */
    public record EntryResult(String shardId, String sequenceNumber, String errorCode, String errorMessage) {
        public boolean failed() {
            return errorCode != null;
        }
    }

    public record PutRecordsResult(int failedRecordCount, List<EntryResult> records, String encryptionType) {
    }

    public record PutRecordResult(String shardId, String sequenceNumber, String encryptionType) {
    }

    public PutRecordResult putRecord(StreamRef ref, Entry entry, String sequenceNumberForOrdering) {
        if (sequenceNumberForOrdering != null && SequenceNumbers.parse(sequenceNumberForOrdering).isEmpty()) {
            throw KinesisErrorType.INVALID_ARGUMENT.exception(
                "ExclusiveMinimumSequenceNumber %s used in PutRecord on stream %s under account %s is invalid.",
                sequenceNumberForOrdering, catalog.resolveName(ref), catalog.settings().accountId());
        }
        PutRecordsResult result = put(ref, List.of(entry), false);
        EntryResult only = result.records().get(0);
        if (only.failed()) {
            KinesisErrorType type = only.errorCode().equals("InternalFailure")
                ? KinesisErrorType.INTERNAL_FAILURE : KinesisErrorType.PROVISIONED_THROUGHPUT_EXCEEDED;
            throw type.exception(only.errorMessage());
        }
        return new PutRecordResult(only.shardId(), only.sequenceNumber(), result.encryptionType());
    }

    public PutRecordsResult putRecords(StreamRef ref, List<Entry> entries) {
        return put(ref, entries, true);
    }

    /** What a put needs from the metadata, captured under the catalog lock. */
    private record Target(String name, String streamId, ShardRouter router, long maxRecordBytes, boolean shardLevel,
                          String encryptionType) {
    }

    private PutRecordsResult put(StreamRef ref, List<Entry> entries, boolean batch) {
        Target target = target(ref);
        checkSizes(entries, target.maxRecordBytes(), batch);
        PutCall call = new PutCall(entries, hashes(entries));
        List<Integer> pending = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            pending.add(i);
        }
        for (int attempt = 0; !pending.isEmpty(); attempt++) {
            if (attempt > 0) {
                target = target(ref);
            }
            pending = call.append(target, pending, attempt + 1 < MAX_ROUTING_ATTEMPTS);
        }
        int failed = (int) Arrays.stream(call.results).filter(EntryResult::failed).count();
        return new PutRecordsResult(failed, List.of(call.results), target.encryptionType());
    }

    private Target target(StreamRef ref) {
        return catalog.read(state -> {
            StreamRecord stream = catalog.requireReadable(state, ref);
            boolean shardLevel = stream.shardLevelMetrics.contains("IncomingBytes")
                || stream.shardLevelMetrics.contains("IncomingRecords");
            return new Target(stream.name, stream.id, catalog.router(stream), stream.maxRecordSizeKiB * 1024L,
                shardLevel, stream.encryptionType);
        });
    }

    /** One put's entries, their hash keys and their results, filled in as shards acknowledge. */
    private final class PutCall {
        final List<Entry> entries;
        final BigInteger[] hashes;
        final EntryResult[] results;

        PutCall(List<Entry> entries, BigInteger[] hashes) {
            this.entries = entries;
            this.hashes = hashes;
            this.results = new EntryResult[entries.size()];
        }

        /**
         * Appends the pending entries shard by shard (one batch per shard, all in flight at once)
         * and fills their results. Returns the entries that met a sealed shard, to route again,
         * unless {@code mayRetry} is false, when they fail.
         */
        List<Integer> append(Target target, List<Integer> pending, boolean mayRetry) {
            ShardRouter router = target.router();
            List<List<Integer>> byShard = route(target, pending);
            List<CompletableFuture<AppendResult>> appends = new ArrayList<>(router.size());
            for (int s = 0; s < router.size(); s++) {
                appends.add(byShard.get(s).isEmpty() ? null : router.log(s).append(records(byShard.get(s))));
            }
            List<Integer> reroute = new ArrayList<>();
            for (int s = 0; s < router.size(); s++) {
                if (appends.get(s) == null) {
                    continue;
                }
                try {
                    acknowledge(target, router.shard(s), byShard.get(s), appends.get(s).join());
                } catch (CompletionException e) {
                    if (e.getCause() instanceof SealedLogException && mayRetry) {
                        reroute.addAll(byShard.get(s));
                    } else {
                        byShard.get(s).forEach(i -> results[i] = new EntryResult(null, null, "InternalFailure",
                            "Internal service failure."));
                    }
                }
            }
            return reroute;
        }

        /** Entry indexes per router position; entries refused by limits mode get their result now. */
        private List<List<Integer>> route(Target target, List<Integer> pending) {
            ShardRouter router = target.router();
            List<List<Integer>> byShard = new ArrayList<>(router.size());
            for (int s = 0; s < router.size(); s++) {
                byShard.add(new ArrayList<>());
            }
            for (int i : pending) {
                int shard = router.route(hashes[i]);
                String shardId = router.shard(shard).id;
                long bytes = entries.get(i).data().length + entries.get(i).partitionKey().length();
                if (limits.admitWrite(target.streamId(), shardId, bytes)) {
                    byShard.get(shard).add(i);
                } else {
                    results[i] = throttled(target, shardId);
                    metrics.throughputExceeded(target.name(), shardId, target.shardLevel(), true);
                }
            }
            return byShard;
        }

        private void acknowledge(Target target, ShardRecord shard, List<Integer> indexes, AppendResult stored) {
            long bytes = 0;
            SequenceNumberRun numbers = ShardViews.sequenceNumbers(shard);
            for (int k = 0; k < indexes.size(); k++) {
                results[indexes.get(k)] = new EntryResult(shard.id,
                    ShardViews.sequenceNumber(numbers, stored.sequenceOf(k), stored.timestamp()), null, null);
                bytes += entries.get(indexes.get(k)).data().length;
            }
            metrics.incoming(target.name(), shard.id, target.shardLevel(), indexes.size(), bytes);
            traffic.add(target.name(), shard.id, bytes);
        }

        private List<AppendRecord> records(List<Integer> indexes) {
            List<AppendRecord> records = new ArrayList<>(indexes.size());
            for (int i : indexes) {
                records.add(new AppendRecord(entries.get(i).partitionKey(), entries.get(i).data()));
            }
            return records;
        }
    }

    private EntryResult throttled(Target target, String shardId) {
        return new EntryResult(null, null, "ProvisionedThroughputExceededException",
            String.format("Rate exceeded for shard %s in stream %s under account %s.", shardId, target.name(),
                catalog.settings().accountId()));
    }

    private void checkSizes(List<Entry> entries, long maxRecordBytes, boolean batch) {
        long total = 0;
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            if (entry.data().length > maxRecordBytes) {
                String at = batch ? "records." + (i + 1) + ".member.data" : "data";
                throw KinesisErrorType.VALIDATION.exception(
                    "1 validation error detected: Value 'java.nio.HeapByteBuffer[pos=0 lim=%d cap=%d]' at '%s' failed to "
                        + "satisfy constraint: Member must have length less than or equal to %d",
                    entry.data().length, entry.data().length, at, maxRecordBytes);
            }
            total += entry.data().length + entry.partitionKey().length();
        }
        long batchLimit = Math.max(MAX_BATCH_BYTES, maxRecordBytes);
        if (batch && total > batchLimit) {
            throw KinesisErrorType.INVALID_ARGUMENT.exception("Records size exceeds %d MB limit", batchLimit / (1024 * 1024));
        }
    }

    private static BigInteger[] hashes(List<Entry> entries) {
        BigInteger[] hashes = new BigInteger[entries.size()];
        for (int i = 0; i < hashes.length; i++) {
            Entry entry = entries.get(i);
            if (entry.explicitHashKey() == null) {
                hashes[i] = HashKeys.ofPartitionKey(entry.partitionKey());
                continue;
            }
            hashes[i] = HashKeys.parse(entry.explicitHashKey());
            if (hashes[i] == null) {
                throw KinesisErrorType.INVALID_ARGUMENT.exception(
                    "Invalid ExplicitHashKey. ExplicitHashKey must be in the range: [0, 2^128-1]. Specified value was %s",
                    entry.explicitHashKey());
            }
        }
        return hashes;
    }
}
