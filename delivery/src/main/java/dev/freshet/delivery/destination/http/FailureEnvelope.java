package dev.freshet.delivery.destination.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.freshet.delivery.DeliveryRecord;
import dev.freshet.delivery.destination.FailedRecord;
import java.io.UncheckedIOException;

/**
 * The error-output record the service writes, under {@code http-endpoint-failed/}, for a record
 * the endpoint did not take:
 *
 * <pre>
 * {"attemptsMade":5,"arrivalTimestamp":1594265943615,"errorCode":"HttpEndpoint.DestinationException",
 *  "errorMessage":"Received the following response from the endpoint destination. …",
 *  "attemptEndingTimestamp":1594266081318,"rawData":"c2FtcGxl…","subsequenceNumber":0,"dataId":"…"}
 * </pre>
 *
 * {@code dataId} is the record's id (its source position); {@code subsequenceNumber} is a
 * Kinesis-sourced record's (its index when de-aggregation split it), else 0, as Freshet ids
 * already tell split records apart. Stateless, thread-safe.
 */
final class FailureEnvelope {

    static final String ERROR_OUTPUT_TYPE = "http-endpoint-failed";
    private static final ObjectMapper JSON = new ObjectMapper();

    private FailureEnvelope() {
    }

    static FailedRecord of(DeliveryRecord record, int attemptsMade, AttemptOutcome outcome, long endedMillis) {
        ObjectNode envelope = JSON.createObjectNode()
            .put("attemptsMade", attemptsMade)
            .put("arrivalTimestamp", record.arrivalMillis())
            .put("errorCode", outcome.errorCode())
            .put("errorMessage", outcome.errorMessage())
            .put("attemptEndingTimestamp", endedMillis)
            .put("rawData", record.data())
            .put("subsequenceNumber", record.source() == null ? 0 : record.source().subsequenceNumber())
            .put("dataId", record.recordId());
        try {
            return new FailedRecord(record, ERROR_OUTPUT_TYPE, JSON.writeValueAsBytes(envelope));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("in-memory JSON cannot fail", e);
        }
    }
}
