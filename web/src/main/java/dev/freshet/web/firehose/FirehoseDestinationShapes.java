package dev.freshet.web.firehose;

import static dev.freshet.web.protocol.Shape.Member.optional;
import static dev.freshet.web.protocol.Shape.Member.required;

import dev.freshet.web.protocol.Shape;
import dev.freshet.web.protocol.Shape.BooleanShape;
import dev.freshet.web.protocol.Shape.IntegerShape;
import dev.freshet.web.protocol.Shape.ListShape;
import dev.freshet.web.protocol.Shape.MapShape;
import dev.freshet.web.protocol.Shape.StringShape;
import dev.freshet.web.protocol.Shape.StructureShape;

/**
 * The destination configuration and update shapes of the Firehose model (API version 2015-08-04)
 * for the destinations Freshet serves (Extended S3, S3, HTTP endpoint, Redshift, Elasticsearch,
 * Amazon OpenSearch Service), transcribed mechanically from botocore's
 * {@code firehose/2015-08-04/service-2.json}: every nested shape in dependency order, names,
 * required members, lengths, patterns, enum values and ranges as the model states them. Two
 * departures, both because Freshet delivers where AWS cannot:
 * <ul>
 *   <li>{@code HttpEndpointUrl}, {@code ElasticsearchClusterEndpoint} and
 *       {@code AmazonopensearchserviceClusterEndpoint} also accept {@code http:} (the service
 *       wants {@code https:}), and {@code ClusterJDBCURL} accepts any host (the service wants a
 *       Redshift host name): Freshet loads into PostgreSQL anywhere;</li>
 *   <li>the two {@code double} members of {@code OrcSerDe} (BloomFilterFalsePositiveProbability,
 *       DictionaryKeyThreshold) are not modelled: the protocol layer has no double shape.
 *       {@link UnknownMembers} lets them through.</li>
 * </ul>
 *
 * <p>Immutable and thread-safe.
 */
final class FirehoseDestinationShapes {

    static final StringShape ROLE_ARN = Shape.string("RoleARN").length(1, 512).pattern("arn:.*:iam::\\d{12}:role/[a-zA-Z_0-9+=,.@\\-_/]+");
    static final StringShape BUCKET_ARN = Shape.string("BucketARN").length(1, 2048).pattern("arn:.*:s3:::[\\w\\.\\-]{1,255}");
    static final StringShape PREFIX = Shape.string("Prefix").length(0, 1024).pattern(".*");
    static final StringShape ERROR_OUTPUT_PREFIX = Shape.string("ErrorOutputPrefix").length(0, 1024).pattern(".*");
    static final IntegerShape SIZE_IN_M_BS = Shape.integer("SizeInMBs").range(1, 128);
    static final IntegerShape INTERVAL_IN_SECONDS = Shape.integer("IntervalInSeconds").range(0, 900);
    static final StructureShape BUFFERING_HINTS = Shape.structure("BufferingHints",
            optional("SizeInMBs", SIZE_IN_M_BS),
            optional("IntervalInSeconds", INTERVAL_IN_SECONDS));
    static final StringShape COMPRESSION_FORMAT = Shape.enumeration("CompressionFormat", "UNCOMPRESSED", "GZIP", "ZIP", "Snappy", "HADOOP_SNAPPY");
    static final StringShape NO_ENCRYPTION_CONFIG = Shape.enumeration("NoEncryptionConfig", "NoEncryption");
    static final StringShape AWSKMS_KEY_ARN = Shape.string("AWSKMSKeyARN").length(1, 512).pattern("arn:.*:kms:[a-zA-Z0-9\\-]+:\\d{12}:(key|alias)/[a-zA-Z_0-9+=,.@\\-_/]+");
    static final StructureShape KMS_ENCRYPTION_CONFIG = Shape.structure("KMSEncryptionConfig",
            required("AWSKMSKeyARN", AWSKMS_KEY_ARN));
    static final StructureShape ENCRYPTION_CONFIGURATION = Shape.structure("EncryptionConfiguration",
            optional("NoEncryptionConfig", NO_ENCRYPTION_CONFIG),
            optional("KMSEncryptionConfig", KMS_ENCRYPTION_CONFIG));
    static final BooleanShape BOOLEAN_OBJECT = Shape.bool("BooleanObject");
    static final StringShape LOG_GROUP_NAME = Shape.string("LogGroupName").length(0, 512).pattern("[\\.\\-_/#A-Za-z0-9]*");
    static final StringShape LOG_STREAM_NAME = Shape.string("LogStreamName").length(0, 512).pattern("[^:*]*");
    static final StructureShape CLOUD_WATCH_LOGGING_OPTIONS = Shape.structure("CloudWatchLoggingOptions",
            optional("Enabled", BOOLEAN_OBJECT),
            optional("LogGroupName", LOG_GROUP_NAME),
            optional("LogStreamName", LOG_STREAM_NAME));
    static final StringShape PROCESSOR_TYPE = Shape.enumeration("ProcessorType", "RecordDeAggregation", "Decompression", "CloudWatchLogProcessing", "Lambda", "MetadataExtraction", "AppendDelimiterToRecord");
    static final StringShape PROCESSOR_PARAMETER_NAME = Shape.enumeration("ProcessorParameterName", "LambdaArn", "NumberOfRetries", "MetadataExtractionQuery", "JsonParsingEngine", "RoleArn", "BufferSizeInMBs", "BufferIntervalInSeconds", "SubRecordType", "Delimiter", "CompressionFormat", "DataMessageExtraction");
    static final StringShape PROCESSOR_PARAMETER_VALUE = Shape.string("ProcessorParameterValue").length(1, 5120).pattern("^(?!\\s*$).+");
    static final StructureShape PROCESSOR_PARAMETER = Shape.structure("ProcessorParameter",
            required("ParameterName", PROCESSOR_PARAMETER_NAME),
            required("ParameterValue", PROCESSOR_PARAMETER_VALUE));
    static final ListShape PROCESSOR_PARAMETER_LIST = Shape.list("ProcessorParameterList", PROCESSOR_PARAMETER);
    static final StructureShape PROCESSOR = Shape.structure("Processor",
            required("Type", PROCESSOR_TYPE),
            optional("Parameters", PROCESSOR_PARAMETER_LIST));
    static final ListShape PROCESSOR_LIST = Shape.list("ProcessorList", PROCESSOR);
    static final StructureShape PROCESSING_CONFIGURATION = Shape.structure("ProcessingConfiguration",
            optional("Enabled", BOOLEAN_OBJECT),
            optional("Processors", PROCESSOR_LIST));
    static final StringShape S3_BACKUP_MODE = Shape.enumeration("S3BackupMode", "Disabled", "Enabled");
    static final StructureShape S3_DESTINATION_CONFIGURATION = Shape.structure("S3DestinationConfiguration",
            required("RoleARN", ROLE_ARN),
            required("BucketARN", BUCKET_ARN),
            optional("Prefix", PREFIX),
            optional("ErrorOutputPrefix", ERROR_OUTPUT_PREFIX),
            optional("BufferingHints", BUFFERING_HINTS),
            optional("CompressionFormat", COMPRESSION_FORMAT),
            optional("EncryptionConfiguration", ENCRYPTION_CONFIGURATION),
            optional("CloudWatchLoggingOptions", CLOUD_WATCH_LOGGING_OPTIONS));
    static final StringShape NON_EMPTY_STRING_WITHOUT_WHITESPACE = Shape.string("NonEmptyStringWithoutWhitespace").length(1, 1024).pattern("^\\S+$");
    static final StructureShape SCHEMA_CONFIGURATION = Shape.structure("SchemaConfiguration",
            optional("RoleARN", NON_EMPTY_STRING_WITHOUT_WHITESPACE),
            optional("CatalogId", NON_EMPTY_STRING_WITHOUT_WHITESPACE),
            optional("DatabaseName", NON_EMPTY_STRING_WITHOUT_WHITESPACE),
            optional("TableName", NON_EMPTY_STRING_WITHOUT_WHITESPACE),
            optional("Region", NON_EMPTY_STRING_WITHOUT_WHITESPACE),
            optional("VersionId", NON_EMPTY_STRING_WITHOUT_WHITESPACE));
    static final StringShape NON_EMPTY_STRING = Shape.string("NonEmptyString").length(1, 1024).pattern("^(?!\\s*$).+");
    static final MapShape COLUMN_TO_JSON_KEY_MAPPINGS = Shape.map("ColumnToJsonKeyMappings", NON_EMPTY_STRING_WITHOUT_WHITESPACE, NON_EMPTY_STRING);
    static final StructureShape OPEN_X_JSON_SER_DE = Shape.structure("OpenXJsonSerDe",
            optional("ConvertDotsInJsonKeysToUnderscores", BOOLEAN_OBJECT),
            optional("CaseInsensitive", BOOLEAN_OBJECT),
            optional("ColumnToJsonKeyMappings", COLUMN_TO_JSON_KEY_MAPPINGS));
    static final ListShape LIST_OF_NON_EMPTY_STRINGS = Shape.list("ListOfNonEmptyStrings", NON_EMPTY_STRING);
    static final StructureShape HIVE_JSON_SER_DE = Shape.structure("HiveJsonSerDe",
            optional("TimestampFormats", LIST_OF_NON_EMPTY_STRINGS));
    static final StructureShape DESERIALIZER = Shape.structure("Deserializer",
            optional("OpenXJsonSerDe", OPEN_X_JSON_SER_DE),
            optional("HiveJsonSerDe", HIVE_JSON_SER_DE));
    static final StructureShape INPUT_FORMAT_CONFIGURATION = Shape.structure("InputFormatConfiguration",
            optional("Deserializer", DESERIALIZER));
    static final IntegerShape BLOCK_SIZE_BYTES = Shape.integer("BlockSizeBytes").min(67108864);
    static final IntegerShape PARQUET_PAGE_SIZE_BYTES = Shape.integer("ParquetPageSizeBytes").min(65536);
    static final StringShape PARQUET_COMPRESSION = Shape.enumeration("ParquetCompression", "UNCOMPRESSED", "GZIP", "SNAPPY");
    static final IntegerShape NON_NEGATIVE_INTEGER_OBJECT = Shape.integer("NonNegativeIntegerObject").min(0);
    static final StringShape PARQUET_WRITER_VERSION = Shape.enumeration("ParquetWriterVersion", "V1", "V2");
    static final StructureShape PARQUET_SER_DE = Shape.structure("ParquetSerDe",
            optional("BlockSizeBytes", BLOCK_SIZE_BYTES),
            optional("PageSizeBytes", PARQUET_PAGE_SIZE_BYTES),
            optional("Compression", PARQUET_COMPRESSION),
            optional("EnableDictionaryCompression", BOOLEAN_OBJECT),
            optional("MaxPaddingBytes", NON_NEGATIVE_INTEGER_OBJECT),
            optional("WriterVersion", PARQUET_WRITER_VERSION));
    static final IntegerShape ORC_STRIPE_SIZE_BYTES = Shape.integer("OrcStripeSizeBytes").min(8388608);
    static final IntegerShape ORC_ROW_INDEX_STRIDE = Shape.integer("OrcRowIndexStride").min(1000);
    static final StringShape ORC_COMPRESSION = Shape.enumeration("OrcCompression", "NONE", "ZLIB", "SNAPPY");
    static final ListShape LIST_OF_NON_EMPTY_STRINGS_WITHOUT_WHITESPACE = Shape.list("ListOfNonEmptyStringsWithoutWhitespace", NON_EMPTY_STRING_WITHOUT_WHITESPACE);
    static final StringShape ORC_FORMAT_VERSION = Shape.enumeration("OrcFormatVersion", "V0_11", "V0_12");
    static final StructureShape ORC_SER_DE = Shape.structure("OrcSerDe",
            optional("StripeSizeBytes", ORC_STRIPE_SIZE_BYTES),
            optional("BlockSizeBytes", BLOCK_SIZE_BYTES),
            optional("RowIndexStride", ORC_ROW_INDEX_STRIDE),
            optional("EnablePadding", BOOLEAN_OBJECT),
            optional("Compression", ORC_COMPRESSION),
            optional("BloomFilterColumns", LIST_OF_NON_EMPTY_STRINGS_WITHOUT_WHITESPACE),
            optional("FormatVersion", ORC_FORMAT_VERSION));
    static final StructureShape SERIALIZER = Shape.structure("Serializer",
            optional("ParquetSerDe", PARQUET_SER_DE),
            optional("OrcSerDe", ORC_SER_DE));
    static final StructureShape OUTPUT_FORMAT_CONFIGURATION = Shape.structure("OutputFormatConfiguration",
            optional("Serializer", SERIALIZER));
    static final StructureShape DATA_FORMAT_CONVERSION_CONFIGURATION = Shape.structure("DataFormatConversionConfiguration",
            optional("SchemaConfiguration", SCHEMA_CONFIGURATION),
            optional("InputFormatConfiguration", INPUT_FORMAT_CONFIGURATION),
            optional("OutputFormatConfiguration", OUTPUT_FORMAT_CONFIGURATION),
            optional("Enabled", BOOLEAN_OBJECT));
    static final IntegerShape RETRY_DURATION_IN_SECONDS = Shape.integer("RetryDurationInSeconds").range(0, 7200);
    static final StructureShape RETRY_OPTIONS = Shape.structure("RetryOptions",
            optional("DurationInSeconds", RETRY_DURATION_IN_SECONDS));
    static final StructureShape DYNAMIC_PARTITIONING_CONFIGURATION = Shape.structure("DynamicPartitioningConfiguration",
            optional("RetryOptions", RETRY_OPTIONS),
            optional("Enabled", BOOLEAN_OBJECT));
    static final StringShape FILE_EXTENSION = Shape.string("FileExtension").length(0, 128).pattern("^$|\\.[0-9a-z!\\-_.*'()]+");
    static final StringShape CUSTOM_TIME_ZONE = Shape.string("CustomTimeZone").length(0, 50).pattern("^$|[a-zA-Z/_]+");
    static final StructureShape EXTENDED_S3_DESTINATION_CONFIGURATION = Shape.structure("ExtendedS3DestinationConfiguration",
            required("RoleARN", ROLE_ARN),
            required("BucketARN", BUCKET_ARN),
            optional("Prefix", PREFIX),
            optional("ErrorOutputPrefix", ERROR_OUTPUT_PREFIX),
            optional("BufferingHints", BUFFERING_HINTS),
            optional("CompressionFormat", COMPRESSION_FORMAT),
            optional("EncryptionConfiguration", ENCRYPTION_CONFIGURATION),
            optional("CloudWatchLoggingOptions", CLOUD_WATCH_LOGGING_OPTIONS),
            optional("ProcessingConfiguration", PROCESSING_CONFIGURATION),
            optional("S3BackupMode", S3_BACKUP_MODE),
            optional("S3BackupConfiguration", S3_DESTINATION_CONFIGURATION),
            optional("DataFormatConversionConfiguration", DATA_FORMAT_CONVERSION_CONFIGURATION),
            optional("DynamicPartitioningConfiguration", DYNAMIC_PARTITIONING_CONFIGURATION),
            optional("FileExtension", FILE_EXTENSION),
            optional("CustomTimeZone", CUSTOM_TIME_ZONE));
    static final StringShape HTTP_ENDPOINT_URL = Shape.string("HttpEndpointUrl").length(1, 1000).pattern("https?://.*");
    static final StringShape HTTP_ENDPOINT_NAME = Shape.string("HttpEndpointName").length(1, 256).pattern("^(?!\\s*$).+");
    static final StringShape HTTP_ENDPOINT_ACCESS_KEY = Shape.string("HttpEndpointAccessKey").length(0, 4096).pattern(".*");
    static final StructureShape HTTP_ENDPOINT_CONFIGURATION = Shape.structure("HttpEndpointConfiguration",
            required("Url", HTTP_ENDPOINT_URL),
            optional("Name", HTTP_ENDPOINT_NAME),
            optional("AccessKey", HTTP_ENDPOINT_ACCESS_KEY));
    static final IntegerShape HTTP_ENDPOINT_BUFFERING_SIZE_IN_M_BS = Shape.integer("HttpEndpointBufferingSizeInMBs").range(1, 64);
    static final IntegerShape HTTP_ENDPOINT_BUFFERING_INTERVAL_IN_SECONDS = Shape.integer("HttpEndpointBufferingIntervalInSeconds").range(0, 900);
    static final StructureShape HTTP_ENDPOINT_BUFFERING_HINTS = Shape.structure("HttpEndpointBufferingHints",
            optional("SizeInMBs", HTTP_ENDPOINT_BUFFERING_SIZE_IN_M_BS),
            optional("IntervalInSeconds", HTTP_ENDPOINT_BUFFERING_INTERVAL_IN_SECONDS));
    static final StringShape CONTENT_ENCODING = Shape.enumeration("ContentEncoding", "NONE", "GZIP");
    static final StringShape HTTP_ENDPOINT_ATTRIBUTE_NAME = Shape.string("HttpEndpointAttributeName").length(1, 256).pattern("^(?!\\s*$).+");
    static final StringShape HTTP_ENDPOINT_ATTRIBUTE_VALUE = Shape.string("HttpEndpointAttributeValue").length(0, 1024).pattern(".*");
    static final StructureShape HTTP_ENDPOINT_COMMON_ATTRIBUTE = Shape.structure("HttpEndpointCommonAttribute",
            required("AttributeName", HTTP_ENDPOINT_ATTRIBUTE_NAME),
            required("AttributeValue", HTTP_ENDPOINT_ATTRIBUTE_VALUE));
    static final ListShape HTTP_ENDPOINT_COMMON_ATTRIBUTES_LIST = Shape.list("HttpEndpointCommonAttributesList", HTTP_ENDPOINT_COMMON_ATTRIBUTE).length(0, 50);
    static final StructureShape HTTP_ENDPOINT_REQUEST_CONFIGURATION = Shape.structure("HttpEndpointRequestConfiguration",
            optional("ContentEncoding", CONTENT_ENCODING),
            optional("CommonAttributes", HTTP_ENDPOINT_COMMON_ATTRIBUTES_LIST));
    static final IntegerShape HTTP_ENDPOINT_RETRY_DURATION_IN_SECONDS = Shape.integer("HttpEndpointRetryDurationInSeconds").range(0, 7200);
    static final StructureShape HTTP_ENDPOINT_RETRY_OPTIONS = Shape.structure("HttpEndpointRetryOptions",
            optional("DurationInSeconds", HTTP_ENDPOINT_RETRY_DURATION_IN_SECONDS));
    static final StringShape HTTP_ENDPOINT_S3_BACKUP_MODE = Shape.enumeration("HttpEndpointS3BackupMode", "FailedDataOnly", "AllData");
    static final StringShape SECRET_ARN = Shape.string("SecretARN").length(1, 2048).pattern("arn:.*:secretsmanager:[a-zA-Z0-9\\-]+:\\d{12}:secret:[a-zA-Z0-9\\-/_+=.@!]+");
    static final StructureShape SECRETS_MANAGER_CONFIGURATION = Shape.structure("SecretsManagerConfiguration",
            optional("SecretARN", SECRET_ARN),
            optional("RoleARN", ROLE_ARN),
            required("Enabled", BOOLEAN_OBJECT));
    static final StructureShape HTTP_ENDPOINT_DESTINATION_CONFIGURATION = Shape.structure("HttpEndpointDestinationConfiguration",
            required("EndpointConfiguration", HTTP_ENDPOINT_CONFIGURATION),
            optional("BufferingHints", HTTP_ENDPOINT_BUFFERING_HINTS),
            optional("CloudWatchLoggingOptions", CLOUD_WATCH_LOGGING_OPTIONS),
            optional("RequestConfiguration", HTTP_ENDPOINT_REQUEST_CONFIGURATION),
            optional("ProcessingConfiguration", PROCESSING_CONFIGURATION),
            optional("RoleARN", ROLE_ARN),
            optional("RetryOptions", HTTP_ENDPOINT_RETRY_OPTIONS),
            optional("S3BackupMode", HTTP_ENDPOINT_S3_BACKUP_MODE),
            required("S3Configuration", S3_DESTINATION_CONFIGURATION),
            optional("SecretsManagerConfiguration", SECRETS_MANAGER_CONFIGURATION));
    static final StringShape CLUSTER_JDBCURL = Shape.string("ClusterJDBCURL").length(1, 512).pattern("jdbc:(redshift|postgresql)://[^/]+:\\d{1,5}/[a-zA-Z0-9_$-]+");
    static final StringShape DATA_TABLE_NAME = Shape.string("DataTableName").length(1, 512).pattern(".*");
    static final StringShape DATA_TABLE_COLUMNS = Shape.string("DataTableColumns").length(0, 10240).pattern(".*");
    static final StringShape COPY_OPTIONS = Shape.string("CopyOptions").length(0, 10240).pattern(".*");
    static final StructureShape COPY_COMMAND = Shape.structure("CopyCommand",
            required("DataTableName", DATA_TABLE_NAME),
            optional("DataTableColumns", DATA_TABLE_COLUMNS),
            optional("CopyOptions", COPY_OPTIONS));
    static final StringShape USERNAME = Shape.string("Username").length(1, 512).pattern(".*");
    static final StringShape PASSWORD = Shape.string("Password").length(6, 512).pattern(".*");
    static final IntegerShape REDSHIFT_RETRY_DURATION_IN_SECONDS = Shape.integer("RedshiftRetryDurationInSeconds").range(0, 7200);
    static final StructureShape REDSHIFT_RETRY_OPTIONS = Shape.structure("RedshiftRetryOptions",
            optional("DurationInSeconds", REDSHIFT_RETRY_DURATION_IN_SECONDS));
    static final StringShape REDSHIFT_S3_BACKUP_MODE = Shape.enumeration("RedshiftS3BackupMode", "Disabled", "Enabled");
    static final StructureShape REDSHIFT_DESTINATION_CONFIGURATION = Shape.structure("RedshiftDestinationConfiguration",
            required("RoleARN", ROLE_ARN),
            required("ClusterJDBCURL", CLUSTER_JDBCURL),
            required("CopyCommand", COPY_COMMAND),
            optional("Username", USERNAME),
            optional("Password", PASSWORD),
            optional("RetryOptions", REDSHIFT_RETRY_OPTIONS),
            required("S3Configuration", S3_DESTINATION_CONFIGURATION),
            optional("ProcessingConfiguration", PROCESSING_CONFIGURATION),
            optional("S3BackupMode", REDSHIFT_S3_BACKUP_MODE),
            optional("S3BackupConfiguration", S3_DESTINATION_CONFIGURATION),
            optional("CloudWatchLoggingOptions", CLOUD_WATCH_LOGGING_OPTIONS),
            optional("SecretsManagerConfiguration", SECRETS_MANAGER_CONFIGURATION));
    static final StringShape ELASTICSEARCH_DOMAIN_ARN = Shape.string("ElasticsearchDomainARN").length(1, 512).pattern("arn:.*:es:[a-zA-Z0-9\\-]+:\\d{12}:domain/[a-z][-0-9a-z]{2,27}");
    static final StringShape ELASTICSEARCH_CLUSTER_ENDPOINT = Shape.string("ElasticsearchClusterEndpoint").length(1, 512).pattern("https?:.*");
    static final StringShape ELASTICSEARCH_INDEX_NAME = Shape.string("ElasticsearchIndexName").length(1, 80).pattern(".*");
    static final StringShape ELASTICSEARCH_TYPE_NAME = Shape.string("ElasticsearchTypeName").length(0, 100).pattern(".*");
    static final StringShape ELASTICSEARCH_INDEX_ROTATION_PERIOD = Shape.enumeration("ElasticsearchIndexRotationPeriod", "NoRotation", "OneHour", "OneDay", "OneWeek", "OneMonth");
    static final IntegerShape ELASTICSEARCH_BUFFERING_INTERVAL_IN_SECONDS = Shape.integer("ElasticsearchBufferingIntervalInSeconds").range(0, 900);
    static final IntegerShape ELASTICSEARCH_BUFFERING_SIZE_IN_M_BS = Shape.integer("ElasticsearchBufferingSizeInMBs").range(1, 100);
    static final StructureShape ELASTICSEARCH_BUFFERING_HINTS = Shape.structure("ElasticsearchBufferingHints",
            optional("IntervalInSeconds", ELASTICSEARCH_BUFFERING_INTERVAL_IN_SECONDS),
            optional("SizeInMBs", ELASTICSEARCH_BUFFERING_SIZE_IN_M_BS));
    static final IntegerShape ELASTICSEARCH_RETRY_DURATION_IN_SECONDS = Shape.integer("ElasticsearchRetryDurationInSeconds").range(0, 7200);
    static final StructureShape ELASTICSEARCH_RETRY_OPTIONS = Shape.structure("ElasticsearchRetryOptions",
            optional("DurationInSeconds", ELASTICSEARCH_RETRY_DURATION_IN_SECONDS));
    static final StringShape ELASTICSEARCH_S3_BACKUP_MODE = Shape.enumeration("ElasticsearchS3BackupMode", "FailedDocumentsOnly", "AllDocuments");
    static final ListShape SUBNET_ID_LIST = Shape.list("SubnetIdList", NON_EMPTY_STRING_WITHOUT_WHITESPACE).length(1, 16);
    static final ListShape SECURITY_GROUP_ID_LIST = Shape.list("SecurityGroupIdList", NON_EMPTY_STRING_WITHOUT_WHITESPACE).length(1, 5);
    static final StructureShape VPC_CONFIGURATION = Shape.structure("VpcConfiguration",
            required("SubnetIds", SUBNET_ID_LIST),
            required("RoleARN", ROLE_ARN),
            required("SecurityGroupIds", SECURITY_GROUP_ID_LIST));
    static final StringShape DEFAULT_DOCUMENT_ID_FORMAT = Shape.enumeration("DefaultDocumentIdFormat", "FIREHOSE_DEFAULT", "NO_DOCUMENT_ID");
    static final StructureShape DOCUMENT_ID_OPTIONS = Shape.structure("DocumentIdOptions",
            required("DefaultDocumentIdFormat", DEFAULT_DOCUMENT_ID_FORMAT));
    static final StructureShape ELASTICSEARCH_DESTINATION_CONFIGURATION = Shape.structure("ElasticsearchDestinationConfiguration",
            required("RoleARN", ROLE_ARN),
            optional("DomainARN", ELASTICSEARCH_DOMAIN_ARN),
            optional("ClusterEndpoint", ELASTICSEARCH_CLUSTER_ENDPOINT),
            required("IndexName", ELASTICSEARCH_INDEX_NAME),
            optional("TypeName", ELASTICSEARCH_TYPE_NAME),
            optional("IndexRotationPeriod", ELASTICSEARCH_INDEX_ROTATION_PERIOD),
            optional("BufferingHints", ELASTICSEARCH_BUFFERING_HINTS),
            optional("RetryOptions", ELASTICSEARCH_RETRY_OPTIONS),
            optional("S3BackupMode", ELASTICSEARCH_S3_BACKUP_MODE),
            required("S3Configuration", S3_DESTINATION_CONFIGURATION),
            optional("ProcessingConfiguration", PROCESSING_CONFIGURATION),
            optional("CloudWatchLoggingOptions", CLOUD_WATCH_LOGGING_OPTIONS),
            optional("VpcConfiguration", VPC_CONFIGURATION),
            optional("DocumentIdOptions", DOCUMENT_ID_OPTIONS));
    static final StringShape AMAZONOPENSEARCHSERVICE_DOMAIN_ARN = Shape.string("AmazonopensearchserviceDomainARN").length(1, 512).pattern("arn:.*:es:[a-zA-Z0-9\\-]+:\\d{12}:domain/[a-z][-0-9a-z]{2,27}");
    static final StringShape AMAZONOPENSEARCHSERVICE_CLUSTER_ENDPOINT = Shape.string("AmazonopensearchserviceClusterEndpoint").length(1, 512).pattern("https?:.*");
    static final StringShape AMAZONOPENSEARCHSERVICE_INDEX_NAME = Shape.string("AmazonopensearchserviceIndexName").length(1, 80).pattern(".*");
    static final StringShape AMAZONOPENSEARCHSERVICE_TYPE_NAME = Shape.string("AmazonopensearchserviceTypeName").length(0, 100).pattern(".*");
    static final StringShape AMAZONOPENSEARCHSERVICE_INDEX_ROTATION_PERIOD = Shape.enumeration("AmazonopensearchserviceIndexRotationPeriod", "NoRotation", "OneHour", "OneDay", "OneWeek", "OneMonth");
    static final IntegerShape AMAZONOPENSEARCHSERVICE_BUFFERING_INTERVAL_IN_SECONDS = Shape.integer("AmazonopensearchserviceBufferingIntervalInSeconds").range(0, 900);
    static final IntegerShape AMAZONOPENSEARCHSERVICE_BUFFERING_SIZE_IN_M_BS = Shape.integer("AmazonopensearchserviceBufferingSizeInMBs").range(1, 100);
    static final StructureShape AMAZONOPENSEARCHSERVICE_BUFFERING_HINTS = Shape.structure("AmazonopensearchserviceBufferingHints",
            optional("IntervalInSeconds", AMAZONOPENSEARCHSERVICE_BUFFERING_INTERVAL_IN_SECONDS),
            optional("SizeInMBs", AMAZONOPENSEARCHSERVICE_BUFFERING_SIZE_IN_M_BS));
    static final IntegerShape AMAZONOPENSEARCHSERVICE_RETRY_DURATION_IN_SECONDS = Shape.integer("AmazonopensearchserviceRetryDurationInSeconds").range(0, 7200);
    static final StructureShape AMAZONOPENSEARCHSERVICE_RETRY_OPTIONS = Shape.structure("AmazonopensearchserviceRetryOptions",
            optional("DurationInSeconds", AMAZONOPENSEARCHSERVICE_RETRY_DURATION_IN_SECONDS));
    static final StringShape AMAZONOPENSEARCHSERVICE_S3_BACKUP_MODE = Shape.enumeration("AmazonopensearchserviceS3BackupMode", "FailedDocumentsOnly", "AllDocuments");
    static final StructureShape AMAZONOPENSEARCHSERVICE_DESTINATION_CONFIGURATION = Shape.structure("AmazonopensearchserviceDestinationConfiguration",
            required("RoleARN", ROLE_ARN),
            optional("DomainARN", AMAZONOPENSEARCHSERVICE_DOMAIN_ARN),
            optional("ClusterEndpoint", AMAZONOPENSEARCHSERVICE_CLUSTER_ENDPOINT),
            required("IndexName", AMAZONOPENSEARCHSERVICE_INDEX_NAME),
            optional("TypeName", AMAZONOPENSEARCHSERVICE_TYPE_NAME),
            optional("IndexRotationPeriod", AMAZONOPENSEARCHSERVICE_INDEX_ROTATION_PERIOD),
            optional("BufferingHints", AMAZONOPENSEARCHSERVICE_BUFFERING_HINTS),
            optional("RetryOptions", AMAZONOPENSEARCHSERVICE_RETRY_OPTIONS),
            optional("S3BackupMode", AMAZONOPENSEARCHSERVICE_S3_BACKUP_MODE),
            required("S3Configuration", S3_DESTINATION_CONFIGURATION),
            optional("ProcessingConfiguration", PROCESSING_CONFIGURATION),
            optional("CloudWatchLoggingOptions", CLOUD_WATCH_LOGGING_OPTIONS),
            optional("VpcConfiguration", VPC_CONFIGURATION),
            optional("DocumentIdOptions", DOCUMENT_ID_OPTIONS));
    static final StructureShape S3_DESTINATION_UPDATE = Shape.structure("S3DestinationUpdate",
            optional("RoleARN", ROLE_ARN),
            optional("BucketARN", BUCKET_ARN),
            optional("Prefix", PREFIX),
            optional("ErrorOutputPrefix", ERROR_OUTPUT_PREFIX),
            optional("BufferingHints", BUFFERING_HINTS),
            optional("CompressionFormat", COMPRESSION_FORMAT),
            optional("EncryptionConfiguration", ENCRYPTION_CONFIGURATION),
            optional("CloudWatchLoggingOptions", CLOUD_WATCH_LOGGING_OPTIONS));
    static final StructureShape EXTENDED_S3_DESTINATION_UPDATE = Shape.structure("ExtendedS3DestinationUpdate",
            optional("RoleARN", ROLE_ARN),
            optional("BucketARN", BUCKET_ARN),
            optional("Prefix", PREFIX),
            optional("ErrorOutputPrefix", ERROR_OUTPUT_PREFIX),
            optional("BufferingHints", BUFFERING_HINTS),
            optional("CompressionFormat", COMPRESSION_FORMAT),
            optional("EncryptionConfiguration", ENCRYPTION_CONFIGURATION),
            optional("CloudWatchLoggingOptions", CLOUD_WATCH_LOGGING_OPTIONS),
            optional("ProcessingConfiguration", PROCESSING_CONFIGURATION),
            optional("S3BackupMode", S3_BACKUP_MODE),
            optional("S3BackupUpdate", S3_DESTINATION_UPDATE),
            optional("DataFormatConversionConfiguration", DATA_FORMAT_CONVERSION_CONFIGURATION),
            optional("DynamicPartitioningConfiguration", DYNAMIC_PARTITIONING_CONFIGURATION),
            optional("FileExtension", FILE_EXTENSION),
            optional("CustomTimeZone", CUSTOM_TIME_ZONE));
    static final StructureShape HTTP_ENDPOINT_DESTINATION_UPDATE = Shape.structure("HttpEndpointDestinationUpdate",
            optional("EndpointConfiguration", HTTP_ENDPOINT_CONFIGURATION),
            optional("BufferingHints", HTTP_ENDPOINT_BUFFERING_HINTS),
            optional("CloudWatchLoggingOptions", CLOUD_WATCH_LOGGING_OPTIONS),
            optional("RequestConfiguration", HTTP_ENDPOINT_REQUEST_CONFIGURATION),
            optional("ProcessingConfiguration", PROCESSING_CONFIGURATION),
            optional("RoleARN", ROLE_ARN),
            optional("RetryOptions", HTTP_ENDPOINT_RETRY_OPTIONS),
            optional("S3BackupMode", HTTP_ENDPOINT_S3_BACKUP_MODE),
            optional("S3Update", S3_DESTINATION_UPDATE),
            optional("SecretsManagerConfiguration", SECRETS_MANAGER_CONFIGURATION));
    static final StructureShape REDSHIFT_DESTINATION_UPDATE = Shape.structure("RedshiftDestinationUpdate",
            optional("RoleARN", ROLE_ARN),
            optional("ClusterJDBCURL", CLUSTER_JDBCURL),
            optional("CopyCommand", COPY_COMMAND),
            optional("Username", USERNAME),
            optional("Password", PASSWORD),
            optional("RetryOptions", REDSHIFT_RETRY_OPTIONS),
            optional("S3Update", S3_DESTINATION_UPDATE),
            optional("ProcessingConfiguration", PROCESSING_CONFIGURATION),
            optional("S3BackupMode", REDSHIFT_S3_BACKUP_MODE),
            optional("S3BackupUpdate", S3_DESTINATION_UPDATE),
            optional("CloudWatchLoggingOptions", CLOUD_WATCH_LOGGING_OPTIONS),
            optional("SecretsManagerConfiguration", SECRETS_MANAGER_CONFIGURATION));
    static final StructureShape ELASTICSEARCH_DESTINATION_UPDATE = Shape.structure("ElasticsearchDestinationUpdate",
            optional("RoleARN", ROLE_ARN),
            optional("DomainARN", ELASTICSEARCH_DOMAIN_ARN),
            optional("ClusterEndpoint", ELASTICSEARCH_CLUSTER_ENDPOINT),
            optional("IndexName", ELASTICSEARCH_INDEX_NAME),
            optional("TypeName", ELASTICSEARCH_TYPE_NAME),
            optional("IndexRotationPeriod", ELASTICSEARCH_INDEX_ROTATION_PERIOD),
            optional("BufferingHints", ELASTICSEARCH_BUFFERING_HINTS),
            optional("RetryOptions", ELASTICSEARCH_RETRY_OPTIONS),
            optional("S3Update", S3_DESTINATION_UPDATE),
            optional("ProcessingConfiguration", PROCESSING_CONFIGURATION),
            optional("CloudWatchLoggingOptions", CLOUD_WATCH_LOGGING_OPTIONS),
            optional("DocumentIdOptions", DOCUMENT_ID_OPTIONS));
    static final StructureShape AMAZONOPENSEARCHSERVICE_DESTINATION_UPDATE = Shape.structure("AmazonopensearchserviceDestinationUpdate",
            optional("RoleARN", ROLE_ARN),
            optional("DomainARN", AMAZONOPENSEARCHSERVICE_DOMAIN_ARN),
            optional("ClusterEndpoint", AMAZONOPENSEARCHSERVICE_CLUSTER_ENDPOINT),
            optional("IndexName", AMAZONOPENSEARCHSERVICE_INDEX_NAME),
            optional("TypeName", AMAZONOPENSEARCHSERVICE_TYPE_NAME),
            optional("IndexRotationPeriod", AMAZONOPENSEARCHSERVICE_INDEX_ROTATION_PERIOD),
            optional("BufferingHints", AMAZONOPENSEARCHSERVICE_BUFFERING_HINTS),
            optional("RetryOptions", AMAZONOPENSEARCHSERVICE_RETRY_OPTIONS),
            optional("S3Update", S3_DESTINATION_UPDATE),
            optional("ProcessingConfiguration", PROCESSING_CONFIGURATION),
            optional("CloudWatchLoggingOptions", CLOUD_WATCH_LOGGING_OPTIONS),
            optional("DocumentIdOptions", DOCUMENT_ID_OPTIONS));

    private FirehoseDestinationShapes() {
    }
}
