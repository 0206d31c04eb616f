package dev.freshet.datastreams.log;

import java.util.Objects;

/**
 * One record handed to {@link ShardLog#append}: the payload and the partition key that routed it to
 * this shard. The log assigns the sequence number and the arrival timestamp.
 *
 * @param partitionKey the producer's key, 1..256 UTF-8 characters in practice; stored verbatim
 * @param data         the payload; the log keeps a reference, callers must not mutate it afterwards
 */
public record AppendRecord(String partitionKey, byte[] data) {
    public AppendRecord {
        Objects.requireNonNull(partitionKey, "partitionKey");
        Objects.requireNonNull(data, "data");
    }
}
