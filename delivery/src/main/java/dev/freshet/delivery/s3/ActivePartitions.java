package dev.freshet.delivery.s3;

import dev.freshet.delivery.DeliveryRecord;
import dev.freshet.delivery.destination.DestinationMetrics;
import dev.freshet.delivery.destination.FailedRecord;
import dev.freshet.delivery.destination.FailureEnvelope;
import java.util.ArrayList;
import java.util.List;

/**
 * Dynamic partitioning's quota of active partitions per delivery stream (500 by default; the
 * service raises it to 5,000 on request). An active partition is a distinct evaluated prefix
 * being buffered. Freshet evaluates partition keys when a buffer flushes, so a flushed batch's
 * partitions are the active ones: in order of first appearance, the first {@code limit} are
 * written and the records of every later one go to the error output as
 * {@value #ERROR_OUTPUT_TYPE}, as the service sends "the remaining records" there.
 *
 * <p>Each partitioned batch sets the gauges {@code PartitionCount} (partitions written),
 * {@code PartitionCountExceeded} (1 when records were refused, else 0) and
 * {@code ActivePartitionsLimit}, the service's CloudWatch metrics.
 *
 * <p>Thread-safe; a {@link Count} belongs to one batch on one thread.
 */
public final class ActivePartitions {

    /** The service's default quota. */
    public static final int DEFAULT_LIMIT = 500;
    /** The error-output type (folder, {@code !{firehose:error-output-type}}) of refused records. */
    public static final String ERROR_OUTPUT_TYPE = "activePartitionExceeded";
    /** The envelope's errorCode: the service does not document one; this follows DynamicPartitioning.* codes. */
    static final String ERROR_CODE = "DynamicPartitioning.ActivePartitionsLimitExceeded";
    /** The message the service writes in the envelope. */
    static final String ERROR_MESSAGE = "The number of active partitions has exceeded the configured limit";

    /** The default quota, reporting no gauges (error output and backups, whose prefixes have no partition keys). */
    static final ActivePartitions UNREPORTED = new ActivePartitions(DEFAULT_LIMIT, DestinationMetrics.NONE);

    private final int limit;
    private final DestinationMetrics metrics;

    public ActivePartitions(int limit, DestinationMetrics metrics) {
        if (limit < 1) {
            throw new IllegalArgumentException("an active-partitions limit must be at least 1, not " + limit);
        }
        this.limit = limit;
        this.metrics = metrics;
    }

    /** Starts counting one batch's partitions. */
    Count count() {
        return new Count();
    }

    /** The partitions of one batch. Not thread-safe. */
    final class Count {
        private int active;
        private int refusedRecords;

        private Count() {
        }

        /** Whether a new partition may open; false once the batch has {@code limit}. */
        boolean admit() {
            if (active < limit) {
                active++;
                return true;
            }
            return false;
        }

        /** The records of a partition past the limit, as error-output records. */
        List<FailedRecord> refuse(List<DeliveryRecord> partition, long nowMillis) {
            refusedRecords += partition.size();
            List<FailedRecord> failed = new ArrayList<>(partition.size());
            for (DeliveryRecord record : partition) {
                failed.add(new FailedRecord(record, ERROR_OUTPUT_TYPE, FailureEnvelope.toBytes(
                    FailureEnvelope.of(record, 1, ERROR_CODE, ERROR_MESSAGE, nowMillis))));
            }
            return failed;
        }

        /** Sets the gauges from this batch. */
        void report() {
            metrics.gauge("PartitionCount", active);
            metrics.gauge("PartitionCountExceeded", refusedRecords > 0 ? 1 : 0);
            metrics.gauge("ActivePartitionsLimit", limit);
        }
    }
}
