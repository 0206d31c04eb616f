package dev.freshet.delivery.catalog;

/**
 * Where the record intake reports what it took in, per delivery stream (the service's
 * IncomingRecords, IncomingBytes and ThrottledRecords). Implementations are thread-safe.
 */
public interface IntakeMetrics {

    IntakeMetrics NONE = new IntakeMetrics() {
        @Override
        public void incoming(String stream, int records, long bytes) {
        }

        @Override
        public void throttled(String stream, int records) {
        }
    };

    /** Records acknowledged by the stream's buffer log. */
    void incoming(String stream, int records, long bytes);

    /** Records refused because the stream could not take them now (ServiceUnavailableException). */
    void throttled(String stream, int records);
}
