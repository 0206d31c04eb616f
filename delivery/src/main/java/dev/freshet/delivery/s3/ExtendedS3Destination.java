package dev.freshet.delivery.s3;

import dev.freshet.delivery.DeliveryBatch;
import dev.freshet.delivery.destination.DeliveryResult;
import dev.freshet.delivery.destination.Destination;

/**
 * The Extended S3 (and plain S3) destination: each batch becomes one object per distinct evaluated
 * prefix in the configured bucket. Storing retries until the store confirms (the service retries S3
 * for 24 hours), so only records whose object name cannot be evaluated come back as failed.
 *
 * <p>Not thread-safe: one delivery thread uses it.
 */
public final class ExtendedS3Destination implements Destination {

    private final S3ObjectWriter writer;

    public ExtendedS3Destination(S3ObjectWriter writer) {
        this.writer = writer;
    }

    @Override
    public DeliveryResult deliver(DeliveryBatch batch) throws InterruptedException {
        return new DeliveryResult(writer.writeRecords(batch.records()));
    }

    @Override
    public void close() {
    }
}
