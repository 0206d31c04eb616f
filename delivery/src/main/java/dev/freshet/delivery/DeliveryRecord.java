package dev.freshet.delivery;

import java.util.Map;
import java.util.Objects;

/**
 * One record on its way to a destination.
 *
 * @param recordId stable across redeliveries of the same source record (derived from its source
 *     position, so a processor's answer can be matched to its input and duplicates recognised);
 *     records split from one source record get ids derived from the source's
 * @param arrivalMillis when the record arrived at Freshet (epoch milliseconds), the
 *     {@code approximateArrivalTimestamp} processors see and the time S3 prefixes evaluate
 * @param data the payload; not copied, callers must not modify it
 * @param partitionKeys dynamic-partitioning keys (from MetadataExtraction or a Lambda), empty
 *     when the stream is not partitioned
 * @param source where a KinesisStreamAsSource record came from (shard, partition key, sequence
 *     number); null for DirectPut records. Kept through processing, so a transformed or split
 *     record still names its source record
 */
public record DeliveryRecord(String recordId, long arrivalMillis, byte[] data, Map<String, String> partitionKeys,
        SourceRecordMetadata source) {

    public DeliveryRecord {
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(data, "data");
        partitionKeys = Map.copyOf(partitionKeys);
    }

    public DeliveryRecord(String recordId, long arrivalMillis, byte[] data, Map<String, String> partitionKeys) {
        this(recordId, arrivalMillis, data, partitionKeys, null);
    }

    public DeliveryRecord(String recordId, long arrivalMillis, byte[] data) {
        this(recordId, arrivalMillis, data, Map.of(), null);
    }

    public DeliveryRecord withData(byte[] newData) {
        return new DeliveryRecord(recordId, arrivalMillis, newData, partitionKeys, source);
    }

    public DeliveryRecord withPartitionKeys(Map<String, String> keys) {
        return new DeliveryRecord(recordId, arrivalMillis, data, keys, source);
    }
}
