package dev.freshet.delivery.destination;

import dev.freshet.delivery.DeliveryBatch;

/**
 * Where a delivery stream's batches go: an S3-style object store, an HTTP endpoint, a database, a
 * search cluster. One instance per delivery stream and configuration version; the stream's
 * delivery thread calls {@link #deliver} with one batch at a time.
 *
 * <p>A destination applies its own retry rules (the HTTP endpoint's backoff, S3's, the
 * configured RetryDurationInSeconds) inside {@code deliver} and returns only when every record is
 * either confirmed by the destination or given up on; given-up records come back as
 * {@link DeliveryResult#failed()} with the error-output envelope the service writes for them. The
 * caller then writes those to the error output and only after that advances the checkpoint.
 */
public interface Destination extends AutoCloseable {

    /**
     * Delivers the batch. Blocks until the destination confirmed it or the retry time ran out.
     *
     * @throws InterruptedException when the stream is stopping; nothing is then confirmed and the
     *     batch is delivered again after restart (at-least-once)
     */
    DeliveryResult deliver(DeliveryBatch batch) throws InterruptedException;

    /** Releases connections and threads. Must not throw. */
    @Override
    void close();
}
