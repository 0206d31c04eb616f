package dev.freshet.delivery.destination;

import dev.freshet.delivery.DeliveryRecord;

/**
 * A record a destination (or a processor) gave up on, ready for the error output.
 *
 * @param record the record as it was when it failed
 * @param errorOutputType the folder the service files it under and what
 *     {@code !{firehose:error-output-type}} evaluates to: {@code processing-failed},
 *     {@code http-endpoint-failed}, {@code elasticsearch-failed}, {@code format-conversion-failed},
 *     {@code splunk-failed}, {@code AmazonOpenSearchService-failed}…
 * @param envelope the service's JSON envelope for it (one line, no trailing newline), e.g.
 *     {@code {"attemptsMade":…,"arrivalTimestamp":…,"errorCode":…,"errorMessage":…,
 *     "attemptEndingTimestamp":…,"rawData":"<base64>",…}}
 */
public record FailedRecord(DeliveryRecord record, String errorOutputType, byte[] envelope) {
}
