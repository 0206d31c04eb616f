package dev.freshet.bench.firehose;

import software.amazon.awssdk.services.firehose.model.CreateDeliveryStreamRequest;

/**
 * One destination of the delivery benchmark: what the generator's delivery stream is configured
 * to deliver to, and how the generator sees records arrive there (each with the time it became
 * visible to a reader of the destination). Built by {@link DestinationProbes#open}, which also
 * prepares the destination (bucket, table, index).
 *
 * <p>{@link #watch} runs on one thread until {@link #close} is called from another.
 */
interface DestinationProbe extends AutoCloseable {

    /** Adds this destination's configuration (and the run's buffering and compression) to the request. */
    void configure(CreateDeliveryStreamRequest.Builder request, DeliveryLoadGenerator.Options options);

    /** Reports what becomes visible to {@code delivered} until closed. */
    void watch(DeliveredRecords delivered) throws Exception;

    /** A sentence for the report: what "visible" means here. */
    String visibility();
}
