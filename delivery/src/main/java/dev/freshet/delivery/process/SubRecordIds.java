package dev.freshet.delivery.process;

/**
 * Ids of records split from one record (de-aggregation, CloudWatch Logs message extraction):
 * {@code <parent id>.<index>}, index from 0 in order of appearance, so a split is stable across
 * redeliveries of the same source record and its parts never collide with other records' ids.
 */
public final class SubRecordIds {

    private SubRecordIds() {
    }

    public static String of(String parentId, int index) {
        return parentId + "." + index;
    }
}
