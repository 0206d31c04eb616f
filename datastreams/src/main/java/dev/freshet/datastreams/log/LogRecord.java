package dev.freshet.datastreams.log;

/**
 * A record as stored in a shard log.
 *
 * @param sequence     position in the shard, strictly increasing from 0 with no gaps
 * @param timestamp    arrival time in epoch milliseconds, non-decreasing along the shard
 * @param partitionKey the key the producer gave
 * @param data         the payload
 */
public record LogRecord(long sequence, long timestamp, String partitionKey, byte[] data) {
}
