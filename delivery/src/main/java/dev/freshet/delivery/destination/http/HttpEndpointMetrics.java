package dev.freshet.delivery.destination.http;

/**
 * What the HTTP endpoint destination reports, named after the service's CloudWatch metrics
 * ({@code DeliveryToHttpEndpoint.*}); the server maps it onto /metrics per stream.
 *
 * <p>Implementations are thread-safe and cheap (called on the delivery thread).
 */
public interface HttpEndpointMetrics {

    /** Reports nothing. */
    HttpEndpointMetrics NONE = new HttpEndpointMetrics() {
        @Override
        public void attempted(int records, long bytes) {
        }

        @Override
        public void answered(boolean success) {
        }

        @Override
        public void delivered(int records, long bytes, long dataFreshnessMillis) {
        }

        @Override
        public void gaveUp(int records) {
        }
    };

    /** One request sent, first try or retry: {@code ProcessedRecords}, {@code ProcessedBytes}. */
    void attempted(int records, long bytes);

    /** One request over: {@code Success} (1 for a conforming 200, else 0). */
    void answered(boolean success);

    /**
     * Records the endpoint accepted: {@code Records}, {@code Bytes} (payload before base64), and
     * {@code DataFreshness}, the age of the oldest of them when it was accepted.
     */
    void delivered(int records, long bytes, long dataFreshnessMillis);

    /** Records given up on after the retry duration or a 413, handed back for the error output. */
    void gaveUp(int records);
}
