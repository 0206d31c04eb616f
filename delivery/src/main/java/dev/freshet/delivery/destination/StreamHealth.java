package dev.freshet.delivery.destination;

/**
 * Where a delivery stream's parts report that delivery is failing (what DescribeDeliveryStream's
 * FailureDescription shows) and that it recovered.
 *
 * <p>Implementations are thread-safe.
 */
public interface StreamHealth {

    /**
     * @param errorCode the destination's error code, e.g. {@code S3.NoSuchBucket}
     * @param message what went wrong, for people
     */
    void failing(String errorCode, String message);

    void recovered();

    StreamHealth NONE = new StreamHealth() {
        @Override
        public void failing(String errorCode, String message) {
        }

        @Override
        public void recovered() {
        }
    };
}
