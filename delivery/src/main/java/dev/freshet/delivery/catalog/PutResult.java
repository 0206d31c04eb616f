package dev.freshet.delivery.catalog;

import java.util.List;

/**
 * What PutRecordBatch answers (PutRecord is the one-record case): one entry per record in request
 * order, each with a RecordId or an ErrorCode and ErrorMessage.
 *
 * @param failedPutCount how many entries failed
 * @param encrypted whether server-side encryption was ENABLED for the records
 */
public record PutResult(int failedPutCount, boolean encrypted, List<Entry> entries) {

    public PutResult {
        entries = List.copyOf(entries);
    }

    /** One record's outcome: {@code recordId} when it was taken, else the error. */
    public record Entry(String recordId, String errorCode, String errorMessage) {
    }
}
