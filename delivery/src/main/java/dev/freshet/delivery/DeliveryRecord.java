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
 */
public record DeliveryRecord(String recordId, long arrivalMillis, byte[] data, Map<String, String> partitionKeys) {

    public DeliveryRecord {
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(data, "data");
        partitionKeys = Map.copyOf(partitionKeys);
    }

    public DeliveryRecord(String recordId, long arrivalMillis, byte[] data) {
        this(recordId, arrivalMillis, data, Map.of());
    }

    public DeliveryRecord withData(byte[] newData) {
        return new DeliveryRecord(recordId, arrivalMillis, newData, partitionKeys);
    }

    public DeliveryRecord withPartitionKeys(Map<String, String> keys) {
        return new DeliveryRecord(recordId, arrivalMillis, data, keys);
    }
}
