package dev.freshet.web.protocol;

import static dev.freshet.web.protocol.Shape.Member.optional;
import static dev.freshet.web.protocol.Shape.Member.required;

import dev.freshet.web.protocol.Shape.BlobShape;
import dev.freshet.web.protocol.Shape.BooleanShape;
import dev.freshet.web.protocol.Shape.IntegerShape;
import dev.freshet.web.protocol.Shape.ListShape;
import dev.freshet.web.protocol.Shape.MapShape;
import dev.freshet.web.protocol.Shape.StringShape;
import dev.freshet.web.protocol.Shape.StructureShape;
import dev.freshet.web.protocol.Shape.TimestampShape;

/**
 * The shapes shared by Kinesis Data Streams operation inputs (API version 2013-12-02), transcribed
 * from botocore's {@code kinesis/2013-12-02/service-2.json}: names, lengths, patterns, enum values
 * (in model order) and ranges as the model states them.
 *
 * <p>Immutable and thread-safe.
 */
final class KinesisShapes {

    static final String NAME_PATTERN = "[a-zA-Z0-9_.-]+";

    static final StringShape STREAM_NAME = Shape.string("StreamName").length(1, 128).pattern(NAME_PATTERN);
    static final StringShape STREAM_ARN = Shape.string("StreamARN").length(1, 2048)
            .pattern("arn:aws.*:kinesis:.*:\\d{12}:stream/\\S+");
    static final StringShape STREAM_ID = Shape.string("StreamId").length(1, 24).pattern("[a-z0-9]{20}-[a-z0-9]{3}");
    static final StringShape RESOURCE_ARN = Shape.string("ResourceARN").length(1, 2048)
            .pattern("arn:aws.*:kinesis:.*:\\d{12}:.*stream/\\S+");
    static final StringShape CONSUMER_NAME = Shape.string("ConsumerName").length(1, 128).pattern(NAME_PATTERN);
    static final StringShape CONSUMER_ARN = Shape.string("ConsumerARN").length(1, 2048).pattern(
            "^(arn):aws.*:kinesis:.*:\\d{12}:.*stream\\/[a-zA-Z0-9_.-]+\\/consumer\\/[a-zA-Z0-9_.-]+:[0-9]+");
    static final StringShape SHARD_ID = Shape.string("ShardId").length(1, 128).pattern(NAME_PATTERN);
    static final StringShape SHARD_ITERATOR = Shape.string("ShardIterator").length(1, 512);
    static final StringShape SEQUENCE_NUMBER = Shape.string("SequenceNumber").pattern("0|([1-9]\\d{0,128})");
    static final StringShape HASH_KEY = Shape.string("HashKey").pattern("0|([1-9]\\d{0,38})");
    static final StringShape PARTITION_KEY = Shape.string("PartitionKey").length(1, 256);
    static final StringShape NEXT_TOKEN = Shape.string("NextToken").length(1, 1048576);
    static final StringShape KEY_ID = Shape.string("KeyId").length(1, 2048);
    static final StringShape POLICY = Shape.string("Policy");
    static final StringShape TAG_KEY = Shape.string("TagKey").length(1, 128);
    static final StringShape TAG_VALUE = Shape.string("TagValue").length(0, 256);

    static final StringShape STREAM_MODE = Shape.enumeration("StreamMode", "PROVISIONED", "ON_DEMAND");
    static final StringShape ENCRYPTION_TYPE = Shape.enumeration("EncryptionType", "NONE", "KMS");
    static final StringShape SCALING_TYPE = Shape.enumeration("ScalingType", "UNIFORM_SCALING");
    static final StringShape SHARD_ITERATOR_TYPE = Shape.enumeration("ShardIteratorType",
            "AT_SEQUENCE_NUMBER", "AFTER_SEQUENCE_NUMBER", "TRIM_HORIZON", "LATEST", "AT_TIMESTAMP");
    static final StringShape SHARD_FILTER_TYPE = Shape.enumeration("ShardFilterType",
            "AFTER_SHARD_ID", "AT_TRIM_HORIZON", "FROM_TRIM_HORIZON", "AT_LATEST", "AT_TIMESTAMP", "FROM_TIMESTAMP");
    static final StringShape METRICS_NAME = Shape.enumeration("MetricsName",
            "IncomingBytes", "IncomingRecords", "OutgoingBytes", "OutgoingRecords",
            "WriteProvisionedThroughputExceeded", "ReadProvisionedThroughputExceeded",
            "IteratorAgeMilliseconds", "ALL");
    static final StringShape BILLING_COMMITMENT_STATUS =
            Shape.enumeration("MinimumThroughputBillingCommitmentInputStatus", "ENABLED", "DISABLED");

    static final IntegerShape POSITIVE_INTEGER = Shape.integer("PositiveIntegerObject").min(1);
    static final IntegerShape NATURAL_INTEGER = Shape.integer("NaturalIntegerObject").min(0);
    static final IntegerShape RETENTION_PERIOD_HOURS = Shape.integer("RetentionPeriodHours");
    static final IntegerShape MAX_RECORD_SIZE_IN_KIB = Shape.integer("MaxRecordSizeInKiB").range(1024, 10240);

    static final BooleanShape BOOLEAN = Shape.bool("BooleanObject");
    static final TimestampShape TIMESTAMP = Shape.timestamp("Timestamp");
    static final BlobShape DATA = Shape.blob("Data").length(0, 10485760);

    static final MapShape TAG_MAP = Shape.map("TagMap", TAG_KEY, TAG_VALUE).length(1, 200);
    static final ListShape TAG_KEY_LIST = Shape.list("TagKeyList", TAG_KEY).length(1, 50);
    static final ListShape METRICS_NAME_LIST = Shape.list("MetricsNameList", METRICS_NAME).length(1, 7);

    static final StructureShape STREAM_MODE_DETAILS = Shape.structure("StreamModeDetails",
            required("StreamMode", STREAM_MODE));
    static final StructureShape SHARD_FILTER = Shape.structure("ShardFilter",
            required("Type", SHARD_FILTER_TYPE),
            optional("ShardId", SHARD_ID),
            optional("Timestamp", TIMESTAMP));
    static final StructureShape STARTING_POSITION = Shape.structure("StartingPosition",
            required("Type", SHARD_ITERATOR_TYPE),
            optional("SequenceNumber", SEQUENCE_NUMBER),
            optional("Timestamp", TIMESTAMP));
    static final StructureShape BILLING_COMMITMENT = Shape.structure("MinimumThroughputBillingCommitmentInput",
            required("Status", BILLING_COMMITMENT_STATUS));
    static final StructureShape PUT_RECORDS_ENTRY = Shape.structure("PutRecordsRequestEntry",
            required("Data", DATA),
            optional("ExplicitHashKey", HASH_KEY),
            required("PartitionKey", PARTITION_KEY));
    static final ListShape PUT_RECORDS_ENTRIES =
            Shape.list("PutRecordsRequestEntryList", PUT_RECORDS_ENTRY).length(1, 500);

    private KinesisShapes() {
    }

    /** A page-size limit: an integer from 1 to {@code max}. */
    static IntegerShape limit(String name, int max) {
        return Shape.integer(name).range(1, max);
    }
}
