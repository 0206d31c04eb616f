package dev.freshet.datastreams.kinesis;

import java.util.List;

/**
 * One SubscribeToShardEvent. {@code continuationSequenceNumber} is where a new subscription
 * resumes (with AFTER_SEQUENCE_NUMBER); it is null, and {@code childShards} is set, once a closed
 * shard has been delivered to its end.
 */
public record SubscriptionEvent(List<KinesisRecord> records, String continuationSequenceNumber,
                                long millisBehindLatest, List<ChildShard> childShards) {
    public boolean isShardEnd() {
        return childShards != null;
    }
}
