package dev.freshet.delivery;

import java.util.List;

/**
 * One flushed buffer of a delivery stream, after processing: what a destination delivers in one
 * go (one S3 object per partition, one HTTP request, one {@code _bulk}, one COPY).
 *
 * @param stream the delivery stream it belongs to
 * @param records in source order (order within a partition key is kept)
 */
public record DeliveryBatch(DeliveryStreamRef stream, List<DeliveryRecord> records) {

    public DeliveryBatch {
        records = List.copyOf(records);
    }

    /** Arrival time of the oldest record: S3 prefixes' {@code !{timestamp:…}} evaluate it. */
    public long oldestArrivalMillis() {
        long oldest = Long.MAX_VALUE;
        for (DeliveryRecord record : records) {
            oldest = Math.min(oldest, record.arrivalMillis());
        }
        return records.isEmpty() ? 0 : oldest;
    }

    /** Payload bytes before compression (what buffering hints measure). */
    public long dataBytes() {
        long total = 0;
        for (DeliveryRecord record : records) {
            total += record.data().length;
        }
        return total;
    }
}
