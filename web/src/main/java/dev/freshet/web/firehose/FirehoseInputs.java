package dev.freshet.web.firehose;

import static dev.freshet.web.firehose.FirehoseDestinationShapes.AMAZONOPENSEARCHSERVICE_DESTINATION_CONFIGURATION;
import static dev.freshet.web.firehose.FirehoseDestinationShapes.AMAZONOPENSEARCHSERVICE_DESTINATION_UPDATE;
import static dev.freshet.web.firehose.FirehoseDestinationShapes.ELASTICSEARCH_DESTINATION_CONFIGURATION;
import static dev.freshet.web.firehose.FirehoseDestinationShapes.ELASTICSEARCH_DESTINATION_UPDATE;
import static dev.freshet.web.firehose.FirehoseDestinationShapes.EXTENDED_S3_DESTINATION_CONFIGURATION;
import static dev.freshet.web.firehose.FirehoseDestinationShapes.EXTENDED_S3_DESTINATION_UPDATE;
import static dev.freshet.web.firehose.FirehoseDestinationShapes.HTTP_ENDPOINT_DESTINATION_CONFIGURATION;
import static dev.freshet.web.firehose.FirehoseDestinationShapes.HTTP_ENDPOINT_DESTINATION_UPDATE;
import static dev.freshet.web.firehose.FirehoseDestinationShapes.REDSHIFT_DESTINATION_CONFIGURATION;
import static dev.freshet.web.firehose.FirehoseDestinationShapes.REDSHIFT_DESTINATION_UPDATE;
import static dev.freshet.web.firehose.FirehoseDestinationShapes.ROLE_ARN;
import static dev.freshet.web.firehose.FirehoseDestinationShapes.S3_DESTINATION_CONFIGURATION;
import static dev.freshet.web.firehose.FirehoseDestinationShapes.S3_DESTINATION_UPDATE;
import static dev.freshet.web.protocol.Shape.Member.optional;
import static dev.freshet.web.protocol.Shape.Member.required;

import dev.freshet.web.protocol.OperationModel;
import dev.freshet.web.protocol.Shape;
import dev.freshet.web.protocol.Shape.IntegerShape;
import dev.freshet.web.protocol.Shape.ListShape;
import dev.freshet.web.protocol.Shape.Member;
import dev.freshet.web.protocol.Shape.StringShape;
import dev.freshet.web.protocol.Shape.StructureShape;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The input shape of every Firehose operation ({@code Firehose_20150804}), members in the model's
 * order, transcribed from botocore's {@code firehose/2015-08-04/service-2.json}; the destination
 * shapes are in {@link FirehoseDestinationShapes}.
 *
 * <p>Model constraint violations answer ValidationException with the Coral message
 * ({@code 1 validation error detected: Value … at 'deliveryStreamName' failed to satisfy
 * constraint: …}), as for Kinesis: botocore lists only InvalidArgumentException among the
 * operations' errors, but the service answers ValidationException for the model's constraints —
 * e.g. {@code ValidationException: 1 validation error detected: Value 'NotLambda' at
 * 'extendedS3DestinationConfiguration.processingConfiguration.processors.1.member.type' failed to
 * satisfy constraint: Member must satisfy enum value set: [...]} (hashicorp/terraform-provider-aws
 * PR 9017) and the same wording for a too-long deliveryStreamName (awslabs/lambda-streams-to-firehose
 * issue 23). Rules beyond the model (prefix rules, buffering, one destination…) answer
 * InvalidArgumentException from the catalog.
 *
 * <p>The destinations and sources Freshet does not serve (Splunk, Snowflake, Iceberg, OpenSearch
 * Serverless, MSK, databases) are modelled as open structures: the catalog refuses them by name.
 *
 * <p>Immutable and thread-safe.
 */
final class FirehoseInputs {

    static final StringShape DELIVERY_STREAM_NAME = Shape.string("DeliveryStreamName").length(1, 64)
        .pattern("[a-zA-Z0-9_.-]+");
    static final StringShape DELIVERY_STREAM_TYPE = Shape.enumeration("DeliveryStreamType",
        "DirectPut", "KinesisStreamAsSource", "MSKAsSource", "DatabaseAsSource");
    static final StringShape DESTINATION_ID = Shape.string("DestinationId").length(1, 100).pattern("[a-zA-Z0-9-]+");
    static final StringShape VERSION_ID = Shape.string("DeliveryStreamVersionId").length(1, 50).pattern("[0-9]+");
    static final StringShape TAG_KEY = Shape.string("TagKey").length(1, 128)
        .pattern("^(?!aws:)[\\p{L}\\p{Z}\\p{N}_.:\\/=+\\-@%]*$");
    static final StringShape TAG_VALUE = Shape.string("TagValue").length(0, 256)
        .pattern("^[\\p{L}\\p{Z}\\p{N}_.:\\/=+\\-@%]*$");
    static final StructureShape TAG = Shape.structure("Tag", required("Key", TAG_KEY), optional("Value", TAG_VALUE));
    static final ListShape TAG_LIST = Shape.list("TagDeliveryStreamInputTagList", TAG).length(1, 50);
    static final ListShape TAG_KEY_LIST = Shape.list("TagKeyList", TAG_KEY).length(1, 50);
    static final StructureShape RECORD = Shape.structure("Record",
        required("Data", Shape.blob("Data").length(0, 1024000)));
    static final StructureShape KINESIS_STREAM_SOURCE_CONFIGURATION = Shape.structure(
        "KinesisStreamSourceConfiguration",
        required("KinesisStreamARN", Shape.string("KinesisStreamARN").length(1, 512)
            .pattern("arn:.*:kinesis:[a-zA-Z0-9\\-]+:\\d{12}:stream/[a-zA-Z0-9_.-]+")),
        required("RoleARN", ROLE_ARN));
    static final StructureShape DIRECT_PUT_SOURCE_CONFIGURATION = Shape.structure("DirectPutSourceConfiguration",
        required("ThroughputHintInMBs", Shape.integer("ThroughputHintInMBs").range(1, 100)));
    static final StructureShape ENCRYPTION_CONFIGURATION_INPUT = Shape.structure(
        "DeliveryStreamEncryptionConfigurationInput",
        optional("KeyARN", Shape.string("AWSKMSKeyARN").length(1, 512)
            .pattern("arn:.*:kms:[a-zA-Z0-9\\-]+:\\d{12}:(key|alias)/[a-zA-Z_0-9+=,.@\\-_/]+")),
        required("KeyType", Shape.enumeration("KeyType", "AWS_OWNED_CMK", "CUSTOMER_MANAGED_CMK")));

    /** The destination configuration members of CreateDeliveryStream, in model order. */
    static final List<Member> DESTINATION_CONFIGURATIONS = List.of(
        optional("S3DestinationConfiguration", S3_DESTINATION_CONFIGURATION),
        optional("ExtendedS3DestinationConfiguration", EXTENDED_S3_DESTINATION_CONFIGURATION),
        optional("RedshiftDestinationConfiguration", REDSHIFT_DESTINATION_CONFIGURATION),
        optional("ElasticsearchDestinationConfiguration", ELASTICSEARCH_DESTINATION_CONFIGURATION),
        optional("AmazonopensearchserviceDestinationConfiguration", AMAZONOPENSEARCHSERVICE_DESTINATION_CONFIGURATION),
        optional("SplunkDestinationConfiguration", open("SplunkDestinationConfiguration")),
        optional("HttpEndpointDestinationConfiguration", HTTP_ENDPOINT_DESTINATION_CONFIGURATION),
        optional("AmazonOpenSearchServerlessDestinationConfiguration",
            open("AmazonOpenSearchServerlessDestinationConfiguration")),
        optional("SnowflakeDestinationConfiguration", open("SnowflakeDestinationConfiguration")),
        optional("IcebergDestinationConfiguration", open("IcebergDestinationConfiguration")));

    /** The destination update members of UpdateDestination, in model order. */
    static final List<Member> DESTINATION_UPDATES = List.of(
        optional("S3DestinationUpdate", S3_DESTINATION_UPDATE),
        optional("ExtendedS3DestinationUpdate", EXTENDED_S3_DESTINATION_UPDATE),
        optional("RedshiftDestinationUpdate", REDSHIFT_DESTINATION_UPDATE),
        optional("ElasticsearchDestinationUpdate", ELASTICSEARCH_DESTINATION_UPDATE),
        optional("AmazonopensearchserviceDestinationUpdate", AMAZONOPENSEARCHSERVICE_DESTINATION_UPDATE),
        optional("SplunkDestinationUpdate", open("SplunkDestinationUpdate")),
        optional("HttpEndpointDestinationUpdate", HTTP_ENDPOINT_DESTINATION_UPDATE),
        optional("AmazonOpenSearchServerlessDestinationUpdate", open("AmazonOpenSearchServerlessDestinationUpdate")),
        optional("SnowflakeDestinationUpdate", open("SnowflakeDestinationUpdate")),
        optional("IcebergDestinationUpdate", open("IcebergDestinationUpdate")));

    private static final Map<String, OperationModel> BY_NAME = index();

    private FirehoseInputs() {
    }

    /** The operation called {@code name} (case-sensitive, e.g. {@code PutRecordBatch}). */
    static Optional<OperationModel> find(String name) {
        return Optional.ofNullable(name == null ? null : BY_NAME.get(name));
    }

    /** All 12 operations. */
    static List<OperationModel> all() {
        return List.of(
            op("CreateDeliveryStream", concat(List.of(required("DeliveryStreamName", DELIVERY_STREAM_NAME),
                    optional("DeliveryStreamType", DELIVERY_STREAM_TYPE),
                    optional("DirectPutSourceConfiguration", DIRECT_PUT_SOURCE_CONFIGURATION),
                    optional("KinesisStreamSourceConfiguration", KINESIS_STREAM_SOURCE_CONFIGURATION),
                    optional("DeliveryStreamEncryptionConfigurationInput", ENCRYPTION_CONFIGURATION_INPUT)),
                DESTINATION_CONFIGURATIONS, List.of(optional("Tags", TAG_LIST),
                    optional("MSKSourceConfiguration", open("MSKSourceConfiguration")),
                    optional("DatabaseSourceConfiguration", open("DatabaseSourceConfiguration"))))),
            op("DeleteDeliveryStream", List.of(required("DeliveryStreamName", DELIVERY_STREAM_NAME),
                optional("AllowForceDelete", Shape.bool("BooleanObject")))),
            op("DescribeDeliveryStream", List.of(required("DeliveryStreamName", DELIVERY_STREAM_NAME),
                optional("Limit", limit("DescribeDeliveryStreamInputLimit", 10000)),
                optional("ExclusiveStartDestinationId", DESTINATION_ID))),
            op("ListDeliveryStreams", List.of(optional("Limit", limit("ListDeliveryStreamsInputLimit", 10000)),
                optional("DeliveryStreamType", DELIVERY_STREAM_TYPE),
                optional("ExclusiveStartDeliveryStreamName", DELIVERY_STREAM_NAME))),
            op("ListTagsForDeliveryStream", List.of(required("DeliveryStreamName", DELIVERY_STREAM_NAME),
                optional("ExclusiveStartTagKey", TAG_KEY),
                optional("Limit", limit("ListTagsForDeliveryStreamInputLimit", 50)))),
            op("PutRecord", List.of(required("DeliveryStreamName", DELIVERY_STREAM_NAME), required("Record", RECORD))),
            op("PutRecordBatch", List.of(required("DeliveryStreamName", DELIVERY_STREAM_NAME),
                required("Records", Shape.list("PutRecordBatchRequestEntryList", RECORD).length(1, 500)))),
            op("StartDeliveryStreamEncryption", List.of(required("DeliveryStreamName", DELIVERY_STREAM_NAME),
                optional("DeliveryStreamEncryptionConfigurationInput", ENCRYPTION_CONFIGURATION_INPUT))),
            op("StopDeliveryStreamEncryption", List.of(required("DeliveryStreamName", DELIVERY_STREAM_NAME))),
            op("TagDeliveryStream", List.of(required("DeliveryStreamName", DELIVERY_STREAM_NAME),
                required("Tags", TAG_LIST))),
            op("UntagDeliveryStream", List.of(required("DeliveryStreamName", DELIVERY_STREAM_NAME),
                required("TagKeys", TAG_KEY_LIST))),
            op("UpdateDestination", concat(List.of(required("DeliveryStreamName", DELIVERY_STREAM_NAME),
                    required("CurrentDeliveryStreamVersionId", VERSION_ID), required("DestinationId", DESTINATION_ID)),
                DESTINATION_UPDATES, List.of())));
    }

    /** A structure whose members Freshet does not model (the catalog refuses it by name). */
    private static StructureShape open(String name) {
        return Shape.structure(name);
    }

    private static IntegerShape limit(String name, int max) {
        return Shape.integer(name).range(1, max);
    }

    private static OperationModel op(String name, List<Member> members) {
        return new OperationModel(name, Shape.structure(name + "Input", members.toArray(Member[]::new)), false);
    }

    private static List<Member> concat(List<Member> first, List<Member> second, List<Member> third) {
        List<Member> all = new java.util.ArrayList<>(first);
        all.addAll(second);
        all.addAll(third);
        return all;
    }

    private static Map<String, OperationModel> index() {
        Map<String, OperationModel> byName = new TreeMap<>();
        for (OperationModel operation : all()) {
            byName.put(operation.name(), operation);
        }
        return byName;
    }
}
