package dev.freshet.datastreams.kinesis;

import java.util.List;

/**
 * GetRecords' answer. {@code nextShardIterator} is null once a closed shard is read to its end,
 * and {@code childShards} then names its children.
 */
public record GetRecordsResult(List<KinesisRecord> records, String nextShardIterator, long millisBehindLatest,
                               List<ChildShard> childShards) {
}
