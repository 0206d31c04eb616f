package dev.freshet.delivery.convert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.freshet.delivery.DeliveryRecord;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The format-conversion failure envelope. It differs from the other destinations' envelope
 * ({@link dev.freshet.delivery.destination.FailureEnvelope}): the service documents
 * {@code ErrorCode}/{@code ErrorMessage} capitalised here and adds {@code dataCatalogTable}, and
 * for records of a KinesisStreamAsSource stream their source {@code sequenceNumber} and
 * {@code subSequenceNumber} (DirectPut records have neither, so the members are left out).
 *
 * <p>Stateless.
 */
final class ConversionEnvelope {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ConversionEnvelope() {
    }

    static byte[] of(DeliveryRecord record, String errorCode, String errorMessage, long attemptEndingMillis,
            ObjectNode catalogTable) {
        ObjectNode envelope = JSON.createObjectNode();
        envelope.put("attemptsMade", 1);
        envelope.put("arrivalTimestamp", record.arrivalMillis());
        envelope.put("ErrorCode", errorCode);
        envelope.put("ErrorMessage", errorMessage);
        envelope.put("attemptEndingTimestamp", attemptEndingMillis);
        envelope.put("rawData", Base64.getEncoder().encodeToString(record.data()));
        if (record.source() != null) {
            envelope.put("sequenceNumber", record.source().sequenceNumber());
            envelope.put("subSequenceNumber", record.source().subsequenceNumber());
        }
        envelope.set("dataCatalogTable", catalogTable);
        try {
            return JSON.writeValueAsString(envelope).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always serialises", e);
        }
    }
}
