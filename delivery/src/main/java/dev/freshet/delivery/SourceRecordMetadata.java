package dev.freshet.delivery;

import java.util.Objects;

/**
 * Where a KinesisStreamAsSource record came from, as the service shows it to a transformation
 * function ({@code sourceKinesisStreamArn} and the record's {@code kinesisRecordMetadata}) and in
 * the format-conversion failure envelope ({@code sequenceNumber}, {@code subSequenceNumber}).
 * DirectPut records have none.
 *
 * @param streamArn the source data stream's ARN, as KinesisStreamSourceConfiguration names it
 * @param shardId the shard the record was read from
 * @param partitionKey the record's partition key
 * @param approximateArrivalMillis when the data stream accepted the record (epoch milliseconds)
 * @param sequenceNumber the record's sequence number in its shard
 * @param subsequenceNumber 0 for a record as read; the index of a sub-record split from it
 *     (KPL or JSON/delimited de-aggregation, CloudWatch Logs extraction)
 */
public record SourceRecordMetadata(String streamArn, String shardId, String partitionKey, long approximateArrivalMillis,
        String sequenceNumber, long subsequenceNumber) {

    public SourceRecordMetadata {
        Objects.requireNonNull(streamArn, "streamArn");
        Objects.requireNonNull(shardId, "shardId");
        Objects.requireNonNull(partitionKey, "partitionKey");
        Objects.requireNonNull(sequenceNumber, "sequenceNumber");
    }

    public SourceRecordMetadata withSubsequenceNumber(long index) {
        return new SourceRecordMetadata(streamArn, shardId, partitionKey, approximateArrivalMillis, sequenceNumber, index);
    }
}
