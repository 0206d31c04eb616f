package dev.freshet.delivery.process;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.freshet.delivery.DeliveryRecord;
import dev.freshet.delivery.destination.FailedRecord;
import java.io.UncheckedIOException;
import java.util.Base64;

/**
 * Builds the error-output envelope the service writes for a record that failed processing, one
 * JSON line per record:
 *
 * <pre>
 * {"attemptsMade":1,"arrivalTimestamp":&lt;ms&gt;,"errorCode":"Lambda.MissingRecordId","errorMessage":"…",
 *  "attemptEndingTimestamp":&lt;ms&gt;,"rawData":"&lt;base64 of the record as the processor got it&gt;",
 *  "lambdaArn":"…"}     (lambdaArn only for the Lambda processor)
 * </pre>
 *
 * <p>Stateless; thread-safe.
 */
public final class ProcessingFailures {

    /** The error-output folder of processing failures ({@code !{firehose:error-output-type}}). */
    public static final String PROCESSING_FAILED = "processing-failed";
    /** Where the service files records it could not decompress. */
    public static final String DECOMPRESSION_FAILED = "decompression-failed";

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProcessingFailures() {
    }

    /** A record that failed on the first attempt of a built-in processor. */
    public static FailedRecord failed(DeliveryRecord record, String errorCode, String errorMessage, long nowMillis) {
        return envelope(record, PROCESSING_FAILED, errorCode, errorMessage, 1, nowMillis, null);
    }

    /**
     * A record given up on.
     *
     * @param lambdaArn the Lambda processor's LambdaArn parameter, null for other processors
     */
    public static FailedRecord envelope(DeliveryRecord record, String errorOutputType, String errorCode,
            String errorMessage, int attemptsMade, long attemptEndingMillis, String lambdaArn) {
        ObjectNode node = JSON.createObjectNode();
        node.put("attemptsMade", attemptsMade);
        node.put("arrivalTimestamp", record.arrivalMillis());
        node.put("errorCode", errorCode);
        node.put("errorMessage", errorMessage);
        node.put("attemptEndingTimestamp", attemptEndingMillis);
        node.put("rawData", Base64.getEncoder().encodeToString(record.data()));
        if (lambdaArn != null) {
            node.put("lambdaArn", lambdaArn);
        }
        try {
            return new FailedRecord(record, errorOutputType, JSON.writeValueAsBytes(node));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
