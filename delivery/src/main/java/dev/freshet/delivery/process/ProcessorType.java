package dev.freshet.delivery.process;

import java.util.Optional;

/**
 * The processor types of a ProcessingConfiguration, declared in the order the service applies
 * them, whatever their order in the configuration: decompress and extract CloudWatch Logs
 * messages, split aggregated records, transform with Lambda, extract partition keys, and append
 * the delimiter last (so it ends every record as delivered). The Firehose guide states
 * "de-aggregation → data transformation via Lambda → partitioning keys".
 */
public enum ProcessorType {
    DECOMPRESSION("Decompression"),
    CLOUD_WATCH_LOG_PROCESSING("CloudWatchLogProcessing"),
    RECORD_DE_AGGREGATION("RecordDeAggregation"),
    LAMBDA("Lambda"),
    METADATA_EXTRACTION("MetadataExtraction"),
    APPEND_DELIMITER_TO_RECORD("AppendDelimiterToRecord");

    private final String awsName;

    ProcessorType(String awsName) {
        this.awsName = awsName;
    }

    /** The {@code Type} value of the API. */
    public String awsName() {
        return awsName;
    }

    public static Optional<ProcessorType> fromAwsName(String name) {
        for (ProcessorType type : values()) {
            if (type.awsName.equals(name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
