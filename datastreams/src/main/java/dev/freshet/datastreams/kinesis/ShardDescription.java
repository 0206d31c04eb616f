package dev.freshet.datastreams.kinesis;

/**
 * A shard as DescribeStream and ListShards present it. Hash keys and sequence numbers are the
 * service's decimal strings.
 */
public record ShardDescription(String shardId, String parentShardId, String adjacentParentShardId,
                               String startingHashKey, String endingHashKey, String startingSequenceNumber,
                               String endingSequenceNumber) {
}
