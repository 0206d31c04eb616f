package dev.freshet.delivery.destination;

import dev.freshet.delivery.store.ObjectStore;
import java.time.InstantSource;

/**
 * What the engine lends a destination: the object store (S3 destinations, S3 backups, staging),
 * the retry timing, the clock, and where to report trouble.
 *
 * @param objectStore the embedded local directory or the configured S3-compatible endpoint
 * @param retry backoff for retryable failures
 * @param clock wall time for envelopes and timestamps
 * @param health where the destination says it is failing (FailureDescription) and recovered
 * @param metrics the stream's counters under the service's metric names ({@code DeliveryToRedshift.Records}…)
 * @param activePartitionsLimit partitions one batch of a dynamically partitioned stream may open
 *     (the service's quota of active partitions)
 */
public record DestinationContext(ObjectStore objectStore, RetryPolicy retry, InstantSource clock, StreamHealth health,
        DestinationMetrics metrics, int activePartitionsLimit) {
}
