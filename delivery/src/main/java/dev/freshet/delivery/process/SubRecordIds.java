package dev.freshet.delivery.process;

import dev.freshet.delivery.DeliveryRecord;
import dev.freshet.delivery.SourceRecordMetadata;

/**
 * Ids of records split from one record (de-aggregation, CloudWatch Logs message extraction):
 * {@code <parent id>.<index>}, index from 0 in order of appearance, so a split is stable across
 * redeliveries of the same source record and its parts never collide with other records' ids.
 * Stateless.
 */
public final class SubRecordIds {

    private SubRecordIds() {
    }

    /**
     * Part {@code index} of {@code parent}: its id, the parent's arrival time and partition keys,
     * and the parent's source metadata with {@code subsequenceNumber} = index.
     */
    public static DeliveryRecord subRecord(DeliveryRecord parent, int index, byte[] data) {
        SourceRecordMetadata source = parent.source() == null ? null : parent.source().withSubsequenceNumber(index);
        return new DeliveryRecord(of(parent.recordId(), index), parent.arrivalMillis(), data, parent.partitionKeys(),
            source);
    }

    public static String of(String parentId, int index) {
        return parentId + "." + index;
    }
}
