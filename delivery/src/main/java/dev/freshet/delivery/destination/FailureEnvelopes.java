package dev.freshet.delivery.destination;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.freshet.delivery.DeliveryRecord;
import java.io.UncheckedIOException;
import java.util.Base64;

/**
 * The service's error-output envelope of a failed record, one JSON line:
 * {@code {"attemptsMade":n,"arrivalTimestamp":ms,"errorCode":"…","errorMessage":"…",
 * "attemptEndingTimestamp":ms,"rawData":"<base64>"}}; callers may add members (e.g. {@code lambdaArn}).
 *
 * <p>Thread-safe (stateless).
 */
public final class FailureEnvelopes {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FailureEnvelopes() {
    }

    /** The envelope as a tree, to add destination-specific members to before {@link #encode}. */
    public static ObjectNode envelope(DeliveryRecord record, int attempts, String errorCode, String errorMessage,
            long endedMillis) {
        ObjectNode node = JSON.createObjectNode();
        node.put("attemptsMade", attempts);
        node.put("arrivalTimestamp", record.arrivalMillis());
        node.put("errorCode", errorCode);
        node.put("errorMessage", errorMessage);
        node.put("attemptEndingTimestamp", endedMillis);
        node.put("rawData", Base64.getEncoder().encodeToString(record.data()));
        return node;
    }

    public static byte[] encode(ObjectNode envelope) {
        try {
            return JSON.writeValueAsBytes(envelope);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A failed record with its encoded envelope. */
    public static FailedRecord failed(DeliveryRecord record, String errorOutputType, int attempts, String errorCode,
            String errorMessage, long endedMillis) {
        return new FailedRecord(record, errorOutputType,
            encode(envelope(record, attempts, errorCode, errorMessage, endedMillis)));
    }
}
