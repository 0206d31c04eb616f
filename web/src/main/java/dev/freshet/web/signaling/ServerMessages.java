package dev.freshet.web.signaling;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * The server→client messages of the KVS signaling WebSocket:
 * <pre>
 * {"senderClientId": "viewer-1", "messageType": "SDP_OFFER", "messagePayload": "eyJ0…"}   (no senderClientId
 *                                                       when the master or a storage session sent it)
 * {"messageType": "STATUS_RESPONSE", "statusResponse": {"correlationId": "…", "errorType": "…",
 *                                                       "statusCode": "400", "description": "…"}}
 * {"messageType": "GO_AWAY"}
 * </pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class ServerMessages {

    private static final JsonFactory JSON = new JsonFactory();

    private ServerMessages() {
    }

    public static String delivery(String senderClientId, String messageType, String messagePayload) {
        return write(json -> {
            if (senderClientId != null) {
                json.writeStringField("senderClientId", senderClientId);
            }
            json.writeStringField("messageType", messageType);
            json.writeStringField("messagePayload", messagePayload);
        });
    }

    /** A STATUS_RESPONSE; {@code correlationId} is left out when null. */
    public static String statusResponse(String correlationId, String errorType, int statusCode, String description) {
        return write(json -> {
            json.writeStringField("messageType", "STATUS_RESPONSE");
            json.writeObjectFieldStart("statusResponse");
            if (correlationId != null) {
                json.writeStringField("correlationId", correlationId);
            }
            json.writeStringField("errorType", errorType);
            json.writeStringField("statusCode", Integer.toString(statusCode));
            json.writeStringField("description", description);
            json.writeEndObject();
        });
    }

    public static String goAway() {
        return write(json -> json.writeStringField("messageType", "GO_AWAY"));
    }

    private interface Members {
        void write(JsonGenerator json) throws IOException;
    }

    private static String write(Members members) {
        StringWriter text = new StringWriter(128);
        try (JsonGenerator json = JSON.createGenerator(text)) {
            json.writeStartObject();
            members.write(json);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot happen: writing to a string", e);
        }
        return text.toString();
    }
}
