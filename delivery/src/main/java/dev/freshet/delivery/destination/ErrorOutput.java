package dev.freshet.delivery.destination;

/**
 * Where records given up on go (the destination's error output, e.g. {@code processing-failed/}
 * objects in the S3 bucket). The engine writes failed records here before it advances the
 * checkpoint; like a destination, it retries until they are stored.
 *
 * <p>Called from the stream's delivery thread only.
 */
public interface ErrorOutput {

    /**
     * Stores the records' envelopes.
     *
     * @throws InterruptedException when the stream is stopping (nothing is then confirmed)
     */
    void write(java.util.List<FailedRecord> failed) throws InterruptedException;
}
