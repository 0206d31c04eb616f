package dev.freshet.delivery;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Runs delivery streams: reads each one's source from its checkpoint, buffers, processes,
 * compresses, delivers, and advances the checkpoint once the destination confirmed. The API layer
 * (the delivery-stream catalog) drives it; it knows nothing of the API's wire shapes.
 *
 * <p>State that must survive a restart (checkpoints, the DirectPut buffer logs) lives under the
 * data directory; after a restart the catalog calls {@link #run} again for every stream and
 * delivery resumes from the last checkpoint.
 *
 * <p>Thread-safe.
 */
public interface DeliveryEngine extends AutoCloseable {

    /**
     * Starts (or, for a new VersionId of a running stream, switches to) delivering the stream as
     * specified. A switch lets the batch in flight finish under the old configuration.
     *
     * @throws DeliveryException INVALID_ARGUMENT when the configuration cannot be run (the
     *     catalog validates first, so this is a last line)
     */
    void run(DeliveryStreamSpec spec);

    /**
     * Appends records to a DirectPut stream's buffer log. Completes with one record id per record,
     * in order, once the log acknowledged them (durable as the server's durability setting says),
     * or exceptionally with a {@link DeliveryException} (e.g. SERVICE_UNAVAILABLE).
     */
    CompletableFuture<List<String>> put(String deliveryStreamName, List<byte[]> records);

    /**
     * Stops delivering the stream and deletes its buffer log and checkpoints. Records not yet
     * delivered are discarded, as DeleteDeliveryStream does.
     */
    void delete(String deliveryStreamName);

    /**
     * The running stream's figures (IncomingRecords, DeliveryToS3.*, DataFreshness, failures), for
     * /metrics and DescribeDeliveryStream's FailureDescription; empty when it is not running here.
     */
    default Optional<DeliveryMetrics> metrics(String deliveryStreamName) {
        return Optional.empty();
    }

    /** Stops every stream's delivery thread after the batch in flight, and closes the buffer logs. */
    @Override
    void close();
}
