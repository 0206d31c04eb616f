package dev.freshet.delivery.destination;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.freshet.delivery.DeliveryRecord;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Builds the service's failed-record envelope, in the documented member order:
 * <pre>
 * {"attemptsMade":…,"arrivalTimestamp":…,"errorCode":"…","errorMessage":"…",
 *  "attemptEndingTimestamp":…,"rawData":"&lt;base64&gt;", &lt;destination-specific members&gt;}
 * </pre>
 * Destinations add their own members (OpenSearch: esDocumentId, esIndexName, esTypeName) to the
 * node {@link #of} returns before {@link #toBytes}.
 *
 * <p>Stateless.
 */
public final class FailureEnvelope {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FailureEnvelope() {
    }

    public static ObjectNode of(DeliveryRecord record, int attemptsMade, String errorCode, String errorMessage,
            long attemptEndingMillis) {
        ObjectNode envelope = JSON.createObjectNode();
        envelope.put("attemptsMade", attemptsMade);
        envelope.put("arrivalTimestamp", record.arrivalMillis());
        envelope.put("errorCode", errorCode);
        envelope.put("errorMessage", errorMessage);
        envelope.put("attemptEndingTimestamp", attemptEndingMillis);
        envelope.put("rawData", Base64.getEncoder().encodeToString(record.data()));
        return envelope;
    }

    /** One line of JSON, no trailing newline. */
    public static byte[] toBytes(ObjectNode envelope) {
        try {
            return JSON.writeValueAsString(envelope).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always serialises", e);
        }
    }
}
