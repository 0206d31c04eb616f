package dev.freshet.web.protocol;

import static dev.freshet.web.protocol.KinesisShapes.BILLING_COMMITMENT;
import static dev.freshet.web.protocol.KinesisShapes.BOOLEAN;
import static dev.freshet.web.protocol.KinesisShapes.CONSUMER_ARN;
import static dev.freshet.web.protocol.KinesisShapes.CONSUMER_NAME;
import static dev.freshet.web.protocol.KinesisShapes.DATA;
import static dev.freshet.web.protocol.KinesisShapes.ENCRYPTION_TYPE;
import static dev.freshet.web.protocol.KinesisShapes.HASH_KEY;
import static dev.freshet.web.protocol.KinesisShapes.KEY_ID;
import static dev.freshet.web.protocol.KinesisShapes.MAX_RECORD_SIZE_IN_KIB;
import static dev.freshet.web.protocol.KinesisShapes.METRICS_NAME_LIST;
import static dev.freshet.web.protocol.KinesisShapes.NATURAL_INTEGER;
import static dev.freshet.web.protocol.KinesisShapes.NEXT_TOKEN;
import static dev.freshet.web.protocol.KinesisShapes.PARTITION_KEY;
import static dev.freshet.web.protocol.KinesisShapes.POLICY;
import static dev.freshet.web.protocol.KinesisShapes.POSITIVE_INTEGER;
import static dev.freshet.web.protocol.KinesisShapes.PUT_RECORDS_ENTRIES;
import static dev.freshet.web.protocol.KinesisShapes.RESOURCE_ARN;
import static dev.freshet.web.protocol.KinesisShapes.RETENTION_PERIOD_HOURS;
import static dev.freshet.web.protocol.KinesisShapes.SCALING_TYPE;
import static dev.freshet.web.protocol.KinesisShapes.SEQUENCE_NUMBER;
import static dev.freshet.web.protocol.KinesisShapes.SHARD_FILTER;
import static dev.freshet.web.protocol.KinesisShapes.SHARD_ID;
import static dev.freshet.web.protocol.KinesisShapes.SHARD_ITERATOR;
import static dev.freshet.web.protocol.KinesisShapes.SHARD_ITERATOR_TYPE;
import static dev.freshet.web.protocol.KinesisShapes.STARTING_POSITION;
import static dev.freshet.web.protocol.KinesisShapes.STREAM_ARN;
import static dev.freshet.web.protocol.KinesisShapes.STREAM_ID;
import static dev.freshet.web.protocol.KinesisShapes.STREAM_MODE_DETAILS;
import static dev.freshet.web.protocol.KinesisShapes.STREAM_NAME;
import static dev.freshet.web.protocol.KinesisShapes.TAG_KEY;
import static dev.freshet.web.protocol.KinesisShapes.TAG_KEY_LIST;
import static dev.freshet.web.protocol.KinesisShapes.TAG_MAP;
import static dev.freshet.web.protocol.KinesisShapes.TIMESTAMP;
import static dev.freshet.web.protocol.KinesisShapes.limit;
import static dev.freshet.web.protocol.Shape.Member.optional;
import static dev.freshet.web.protocol.Shape.Member.required;
import static dev.freshet.web.protocol.Shape.structure;

import dev.freshet.web.protocol.Shape.StructureShape;
import java.util.List;

/**
 * The input shape of every Kinesis Data Streams operation, members in the model's order (which is
 * the order violations are reported in). Transcribed from botocore's service-2.json; the test
 * {@code KinesisModelConformanceTest} compares it with a dump of that file.
 *
 * <p>Immutable and thread-safe.
 */
final class KinesisInputs {

    private KinesisInputs() {
    }

    /** All 39 operations; SubscribeToShard answers with an event stream. */
    static List<OperationModel> all() {
        return List.of(
                op("AddTagsToStream", optional("StreamName", STREAM_NAME), required("Tags", TAG_MAP),
                        optional("StreamARN", STREAM_ARN), optional("StreamId", STREAM_ID)),
                op("CreateStream", required("StreamName", STREAM_NAME), optional("ShardCount", POSITIVE_INTEGER),
                        optional("StreamModeDetails", STREAM_MODE_DETAILS), optional("Tags", TAG_MAP),
                        optional("WarmThroughputMiBps", NATURAL_INTEGER),
                        optional("MaxRecordSizeInKiB", MAX_RECORD_SIZE_IN_KIB)),
                op("DecreaseStreamRetentionPeriod", optional("StreamName", STREAM_NAME),
                        required("RetentionPeriodHours", RETENTION_PERIOD_HOURS),
                        optional("StreamARN", STREAM_ARN), optional("StreamId", STREAM_ID)),
                op("DeleteResourcePolicy", required("ResourceARN", RESOURCE_ARN), optional("StreamId", STREAM_ID)),
                op("DeleteStream", optional("StreamName", STREAM_NAME), optional("EnforceConsumerDeletion", BOOLEAN),
                        optional("StreamARN", STREAM_ARN), optional("StreamId", STREAM_ID)),
                op("DeregisterStreamConsumer", optional("StreamARN", STREAM_ARN),
                        optional("ConsumerName", CONSUMER_NAME), optional("ConsumerARN", CONSUMER_ARN),
                        optional("StreamId", STREAM_ID)),
                op("DescribeAccountSettings"),
                op("DescribeLimits"),
                op("DescribeStream", optional("StreamName", STREAM_NAME),
                        optional("Limit", limit("DescribeStreamInputLimit", 10000)),
                        optional("ExclusiveStartShardId", SHARD_ID),
                        optional("StreamARN", STREAM_ARN), optional("StreamId", STREAM_ID)),
                op("DescribeStreamConsumer", optional("StreamARN", STREAM_ARN),
                        optional("ConsumerName", CONSUMER_NAME), optional("ConsumerARN", CONSUMER_ARN),
                        optional("StreamId", STREAM_ID)),
                op("DescribeStreamSummary", optional("StreamName", STREAM_NAME), optional("StreamARN", STREAM_ARN),
                        optional("StreamId", STREAM_ID)),
                op("DisableEnhancedMonitoring", optional("StreamName", STREAM_NAME),
                        required("ShardLevelMetrics", METRICS_NAME_LIST),
                        optional("StreamARN", STREAM_ARN), optional("StreamId", STREAM_ID)),
                op("EnableEnhancedMonitoring", optional("StreamName", STREAM_NAME),
                        required("ShardLevelMetrics", METRICS_NAME_LIST),
                        optional("StreamARN", STREAM_ARN), optional("StreamId", STREAM_ID)),
                op("GetRecords", required("ShardIterator", SHARD_ITERATOR),
                        optional("Limit", limit("GetRecordsInputLimit", 10000)),
                        optional("StreamARN", STREAM_ARN), optional("StreamId", STREAM_ID)),
                op("GetResourcePolicy", required("ResourceARN", RESOURCE_ARN), optional("StreamId", STREAM_ID)),
                op("GetShardIterator", optional("StreamName", STREAM_NAME), required("ShardId", SHARD_ID),
                        required("ShardIteratorType", SHARD_ITERATOR_TYPE),
                        optional("StartingSequenceNumber", SEQUENCE_NUMBER), optional("Timestamp", TIMESTAMP),
                        optional("StreamARN", STREAM_ARN), optional("StreamId", STREAM_ID)),
                op("IncreaseStreamRetentionPeriod", optional("StreamName", STREAM_NAME),
                        required("RetentionPeriodHours", RETENTION_PERIOD_HOURS),
                        optional("StreamARN", STREAM_ARN), optional("StreamId", STREAM_ID)),
                op("ListShards", optional("StreamName", STREAM_NAME), optional("NextToken", NEXT_TOKEN),
                        optional("ExclusiveStartShardId", SHARD_ID),
                        optional("MaxResults", limit("ListShardsInputLimit", 10000)),
                        optional("StreamCreationTimestamp", TIMESTAMP), optional("ShardFilter", SHARD_FILTER),
                        optional("StreamARN", STREAM_ARN), optional("StreamId", STREAM_ID)),
                op("ListStreamConsumers", required("StreamARN", STREAM_ARN), optional("NextToken", NEXT_TOKEN),
                        optional("MaxResults", limit("ListStreamConsumersInputLimit", 10000)),
                        optional("StreamCreationTimestamp", TIMESTAMP), optional("StreamId", STREAM_ID)),
                op("ListStreams", optional("Limit", limit("ListStreamsInputLimit", 10000)),
                        optional("ExclusiveStartStreamName", STREAM_NAME), optional("NextToken", NEXT_TOKEN)),
                op("ListTagsForResource", required("ResourceARN", RESOURCE_ARN), optional("StreamId", STREAM_ID)),
                op("ListTagsForStream", optional("StreamName", STREAM_NAME),
                        optional("ExclusiveStartTagKey", TAG_KEY),
                        optional("Limit", limit("ListTagsForStreamInputLimit", 50)),
                        optional("StreamARN", STREAM_ARN), optional("StreamId", STREAM_ID)),
                op("MergeShards", optional("StreamName", STREAM_NAME), required("ShardToMerge", SHARD_ID),
                        required("AdjacentShardToMerge", SHARD_ID),
                        optional("StreamARN", STREAM_ARN), optional("StreamId", STREAM_ID)),
                op("PutRecord", optional("StreamName", STREAM_NAME), required("Data", DATA),
                        required("PartitionKey", PARTITION_KEY), optional("ExplicitHashKey", HASH_KEY),
                        optional("SequenceNumberForOrdering", SEQUENCE_NUMBER),
                        optional("StreamARN", STREAM_ARN), optional("StreamId", STREAM_ID)),
                op("PutRecords", required("Records", PUT_RECORDS_ENTRIES), optional("StreamName", STREAM_NAME),
                        optional("StreamARN", STREAM_ARN), optional("StreamId", STREAM_ID)),
                op("PutResourcePolicy", required("ResourceARN", RESOURCE_ARN), optional("StreamId", STREAM_ID),
                        required("Policy", POLICY)),
                op("RegisterStreamConsumer", required("StreamARN", STREAM_ARN),
                        required("ConsumerName", CONSUMER_NAME), optional("StreamId", STREAM_ID),
                        optional("Tags", TAG_MAP)),
                op("RemoveTagsFromStream", optional("StreamName", STREAM_NAME), required("TagKeys", TAG_KEY_LIST),
                        optional("StreamARN", STREAM_ARN), optional("StreamId", STREAM_ID)),
                op("SplitShard", optional("StreamName", STREAM_NAME), required("ShardToSplit", SHARD_ID),
                        required("NewStartingHashKey", HASH_KEY),
                        optional("StreamARN", STREAM_ARN), optional("StreamId", STREAM_ID)),
                op("StartStreamEncryption", optional("StreamName", STREAM_NAME),
                        required("EncryptionType", ENCRYPTION_TYPE), required("KeyId", KEY_ID),
                        optional("StreamARN", STREAM_ARN), optional("StreamId", STREAM_ID)),
                op("StopStreamEncryption", optional("StreamName", STREAM_NAME),
                        required("EncryptionType", ENCRYPTION_TYPE), required("KeyId", KEY_ID),
                        optional("StreamARN", STREAM_ARN), optional("StreamId", STREAM_ID)),
                eventStream("SubscribeToShard", required("ConsumerARN", CONSUMER_ARN),
                        optional("StreamId", STREAM_ID), required("ShardId", SHARD_ID),
                        required("StartingPosition", STARTING_POSITION)),
                op("TagResource", required("Tags", TAG_MAP), required("ResourceARN", RESOURCE_ARN),
                        optional("StreamId", STREAM_ID)),
                op("UntagResource", required("TagKeys", TAG_KEY_LIST), required("ResourceARN", RESOURCE_ARN),
                        optional("StreamId", STREAM_ID)),
                op("UpdateAccountSettings", required("MinimumThroughputBillingCommitment", BILLING_COMMITMENT)),
                op("UpdateMaxRecordSize", optional("StreamARN", STREAM_ARN), optional("StreamId", STREAM_ID),
                        required("MaxRecordSizeInKiB", MAX_RECORD_SIZE_IN_KIB)),
                op("UpdateShardCount", optional("StreamName", STREAM_NAME),
                        required("TargetShardCount", POSITIVE_INTEGER), required("ScalingType", SCALING_TYPE),
                        optional("StreamARN", STREAM_ARN), optional("StreamId", STREAM_ID)),
                op("UpdateStreamMode", required("StreamARN", STREAM_ARN), optional("StreamId", STREAM_ID),
                        required("StreamModeDetails", STREAM_MODE_DETAILS),
                        optional("WarmThroughputMiBps", NATURAL_INTEGER)),
                op("UpdateStreamWarmThroughput", optional("StreamARN", STREAM_ARN),
                        optional("StreamName", STREAM_NAME), optional("StreamId", STREAM_ID),
                        required("WarmThroughputMiBps", NATURAL_INTEGER)));
    }

    private static OperationModel op(String name, Shape.Member... members) {
        return new OperationModel(name, structure(name + "Input", members), false);
    }

    private static OperationModel eventStream(String name, Shape.Member... members) {
        return new OperationModel(name, structure(name + "Input", members), true);
    }

    static StructureShape inputOf(String name) {
        return all().stream().filter(op -> op.name().equals(name)).findFirst().orElseThrow().input();
    }
}
