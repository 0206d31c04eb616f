package dev.freshet.delivery;

/** Where a delivery stream's records come from. */
public sealed interface DeliverySource {

    /**
     * DirectPut: PutRecord/PutRecordBatch append to the stream's own buffer log (a shard log of
     * the engine) and are acknowledged once the log has them.
     */
    record DirectPut() implements DeliverySource {
    }

    /**
     * KinesisStreamAsSource: the engine reads a Freshet data stream (all its shards, following
     * parent/child lineage) from where the delivery stream was created on.
     *
     * @param streamName the data stream's name
     * @param streamArn the data stream's ARN as KinesisStreamSourceConfiguration gave it (shown to
     *     transformation functions as {@code sourceKinesisStreamArn})
     * @param startAtMillis records that arrived from this time on are delivered (the delivery
     *     stream's creation time, or KinesisStreamSourceConfiguration's start timestamp)
     */
    record KinesisStream(String streamName, String streamArn, long startAtMillis) implements DeliverySource {
    }
}
