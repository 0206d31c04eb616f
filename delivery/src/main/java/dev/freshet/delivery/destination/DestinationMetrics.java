package dev.freshet.delivery.destination;

/**
 * Where a destination counts what it delivered, under the service's CloudWatch metric names
 * ({@code DeliveryToRedshift.Records}, {@code DeliveryToAmazonOpenSearchService.Bytes}…), and
 * reports levels as gauges (dynamic partitioning's {@code PartitionCount}). web/
 * exposes them in {@code /metrics}; tests read them back.
 *
 * <p>Per delivery attempt a destination reports {@code <prefix>.Success} as 1 (everything sent was
 * confirmed) or 0 (CloudWatch's average of it is the success ratio), and what the destination
 * confirmed in that attempt as {@code <prefix>.Records} and {@code <prefix>.Bytes} (part of a
 * {@code _bulk} may be confirmed in a failed attempt).
 *
 * <p>Implementations are thread-safe.
 */
public interface DestinationMetrics {

    /** Counts nothing. */
    DestinationMetrics NONE = (name, amount) -> { };

    /** Adds {@code amount} to the counter {@code name}. */
    void count(String name, long amount);

    /**
     * Sets the gauge {@code name} ({@code PartitionCount}, {@code ActivePartitionsLimit}…): the last
     * value set stands until the next. Ignored by implementations that keep no gauges.
     */
    default void gauge(String name, long value) {
    }

    /** Reports one attempt's outcome and the records and bytes it confirmed. */
    default void attempt(String prefix, boolean success, long confirmedRecords, long confirmedBytes) {
        count(prefix + ".Success", success ? 1 : 0);
        if (confirmedRecords > 0) {
            count(prefix + ".Records", confirmedRecords);
            count(prefix + ".Bytes", confirmedBytes);
        }
    }
}
