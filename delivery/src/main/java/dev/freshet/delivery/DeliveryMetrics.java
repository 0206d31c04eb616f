package dev.freshet.delivery;

/**
 * One delivery stream's figures, named after the service's CloudWatch metrics, read-only: the
 * engine counts, web/ exports them (Prometheus) and the catalog shows {@link #failureDescription()}.
 * Counters only grow while the stream runs in this process.
 *
 * <p>Implementations are thread-safe.
 */
public interface DeliveryMetrics {

    /** IncomingRecords: records accepted (PutRecord/PutRecordBatch) or read from the source stream. */
    long incomingRecords();

    /** IncomingBytes. */
    long incomingBytes();

    /** DeliveryTo&lt;Destination&gt;.Records: records the destination confirmed. */
    long deliveredRecords();

    /** DeliveryTo&lt;Destination&gt;.Bytes: their bytes, after processing and before compression. */
    long deliveredBytes();

    /** Batches confirmed (DeliveryTo&lt;Destination&gt;.Success counts them as 1s). */
    long successfulDeliveries();

    /** Attempts that failed and were retried (the 0s of DeliveryTo&lt;Destination&gt;.Success). */
    long failedAttempts();

    /**
     * DeliveryTo&lt;Destination&gt;.DataFreshness: age in milliseconds of the oldest record not yet
     * delivered, 0 when everything is delivered.
     */
    long dataFreshnessMillis();

    /** ExecuteProcessing failures: records that failed processing. */
    long processingFailedRecords();

    /** Records written to the error output. */
    long errorOutputRecords();

    /** Why delivery is failing right now, or null when it is not. */
    String failureDescription();

    /**
     * The destination's own counters by the service's metric names (e.g.
     * {@code DeliveryToHttpEndpoint.ProcessedRecords}, {@code DeliveryToRedshift.Success}), as
     * {@link dev.freshet.delivery.destination.DestinationMetrics} counted them.
     */
    java.util.Map<String, Long> destinationCounters();

    /**
     * The destination's gauges by the service's metric names (dynamic partitioning's
     * {@code PartitionCount}, {@code PartitionCountExceeded}, {@code ActivePartitionsLimit}), each at
     * the value last set; empty when it set none.
     */
    default java.util.Map<String, Long> destinationGauges() {
        return java.util.Map.of();
    }
}
