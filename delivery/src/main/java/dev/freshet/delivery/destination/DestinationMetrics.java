package dev.freshet.delivery.destination;

/**
 * Where a destination counts what it delivered, under the service's CloudWatch metric names
 * ({@code DeliveryToRedshift.Records}, {@code DeliveryToAmazonOpenSearchService.Bytes}…). web/
 * exposes them in {@code /metrics}; tests read them back.
 *
 * <p>Per delivery attempt a destination reports {@code <prefix>.Success} as 1 or 0 (CloudWatch's
 * average of it is the success ratio), and for confirmed data {@code <prefix>.Records} and
 * {@code <prefix>.Bytes}.
 *
 * <p>Implementations are thread-safe.
 */
public interface DestinationMetrics {

    /** Counts nothing. */
    DestinationMetrics NONE = (name, amount) -> { };

    /** Adds {@code amount} to the counter {@code name}. */
    void count(String name, long amount);

    /** Reports one attempt's outcome and, when it succeeded, the records and bytes it confirmed. */
    default void attempt(String prefix, boolean success, long records, long bytes) {
        count(prefix + ".Success", success ? 1 : 0);
        if (success) {
            count(prefix + ".Records", records);
            count(prefix + ".Bytes", bytes);
        }
    }
}
