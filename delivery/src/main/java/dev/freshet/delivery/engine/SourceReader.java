package dev.freshet.delivery.engine;

import dev.freshet.delivery.DeliveryRecord;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A delivery stream's source as its delivery loop reads it: forward from the checkpoint, in
 * order per partition key, with a mark of how far it read that is committed once those records
 * were delivered.
 *
 * <p>Not thread-safe: the delivery thread owns it ({@link #oldestUnreadArrival} excepted, which
 * any thread may call).
 */
interface SourceReader extends AutoCloseable {

    /**
     * Reads records after those read so far, appending them to {@code into}.
     *
     * @return payload bytes appended (0 when nothing is waiting)
     */
    long read(List<DeliveryRecord> into, int maxRecords, long maxBytes);

    /** Completes once more records may be readable (appended, a shard ended or appeared). */
    CompletableFuture<Void> awaitMore();

    /** The checkpoint that covers everything read so far. */
    CheckpointState mark();

    /** Stores a mark after its records were delivered (and their failures written). */
    void commit(CheckpointState mark);

    /** Arrival time of the oldest record not read yet, or -1 when everything was read. */
    long oldestUnreadArrival();

    @Override
    void close();
}
