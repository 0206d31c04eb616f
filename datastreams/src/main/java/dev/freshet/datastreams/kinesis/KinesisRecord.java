package dev.freshet.datastreams.kinesis;

/**
 * A record as GetRecords and SubscribeToShard return it.
 *
 * @param arrivalMillis  ApproximateArrivalTimestamp, epoch milliseconds
 * @param encryptionType "KMS" when the stream is encrypted, otherwise null
 */
public record KinesisRecord(String sequenceNumber, long arrivalMillis, byte[] data, String partitionKey,
                            String encryptionType) {
}
