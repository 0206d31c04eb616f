package dev.freshet.datastreams.kinesis;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A stream as DescribeStream and DescribeStreamSummary present it. {@code shards} and
 * {@code hasMoreShards} are DescribeStream's page (empty for the summary).
 */
public record StreamDescription(String name, String arn, String streamId, String status, String mode,
                                List<ShardDescription> shards, boolean hasMoreShards, int retentionHours,
                                Instant created, Set<String> shardLevelMetrics, String encryptionType, String keyId,
                                int openShardCount, int consumerCount, Integer warmThroughputTargetMiBps,
                                int warmThroughputCurrentMiBps, int maxRecordSizeKiB) {
}
