package dev.freshet.web.signaling;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.freshet.signaling.channels.RefusalReason;

import java.io.IOException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses the text of a client's signaling WebSocket message into a {@link SignalingMessage}
 * (format there). Keys are read case-insensitively: the KVS C SDK sends {@code RecipientClientId},
 * {@code MessagePayload}, {@code CorrelationId}. A key given twice (in any case) is malformed, as is
 * a member that is not a string; unknown members are ignored; empty or null
 * {@code recipientClientId} and {@code correlationId} count as absent (the C SDK always sends the
 * recipient, empty for a viewer).
 *
 * <p>Limits: the text at most {@value #MAX_MESSAGE_CHARS} characters, the decoded payload at most
 * {@value #MAX_PAYLOAD_BYTES} bytes (the service's 10 KB) and a JSON object.
 *
 * <p>Stateless and thread-safe.
 */
public final class SignalingMessageParser {

    public static final int MAX_MESSAGE_CHARS = 64 * 1024;
    public static final int MAX_PAYLOAD_BYTES = 10 * 1024;
    private static final Set<String> ACTIONS = Set.of("SDP_OFFER", "SDP_ANSWER", "ICE_CANDIDATE");
    private static final Pattern ID = Pattern.compile("[a-zA-Z0-9_.-]{1,256}");
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private SignalingMessageParser() {
    }

    public static SignalingMessage parse(String text) throws MalformedSignalingMessage {
        if (text.length() > MAX_MESSAGE_CHARS) {
            throw new MalformedSignalingMessage(RefusalReason.MESSAGE_TOO_LARGE, null,
                "The message has " + text.length() + " characters; at most " + MAX_MESSAGE_CHARS + " are accepted.");
        }
        Map<String, String> members = members(text);
        String correlationId = present(members.get("correlationid"));
        if (correlationId != null && !ID.matcher(correlationId).matches()) {
            throw malformed(null, "correlationId must be 1 to 256 characters of [a-zA-Z0-9_.-].");
        }
        String action = members.get("action");
        if (action == null) {
            throw malformed(correlationId, "The message has no action.");
        }
        if (!ACTIONS.contains(action)) {
            throw new MalformedSignalingMessage(RefusalReason.UNKNOWN_ACTION, correlationId,
                "Unknown action " + quote(action) + ": expected SDP_OFFER, SDP_ANSWER or ICE_CANDIDATE.");
        }
        String recipient = present(members.get("recipientclientid"));
        if (recipient != null && !ID.matcher(recipient).matches()) {
            throw malformed(correlationId, "recipientClientId must be 1 to 256 characters of [a-zA-Z0-9_.-].");
        }
        String payload = members.get("messagepayload");
        if (payload == null) {
            throw malformed(correlationId, "The message has no messagePayload.");
        }
        checkPayload(payload, correlationId);
        return new SignalingMessage(action, recipient, payload, correlationId);
    }

    /** The object's string members by lower-case key. */
    private static Map<String, String> members(String text) throws MalformedSignalingMessage {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw malformed(null, "The message is not JSON.");
        }
        if (root == null || !root.isObject()) {
            throw malformed(null, "The message is not a JSON object.");
        }
        Map<String, String> members = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String key = field.getKey().toLowerCase(Locale.ROOT);
            JsonNode value = field.getValue();
            if (!value.isTextual() && !value.isNull()) {
                throw malformed(null, "Member " + quote(field.getKey()) + " is not a string.");
            }
            if (members.containsKey(key)) {
                throw malformed(null, "Member " + quote(field.getKey()) + " is given twice.");
            }
            members.put(key, value.isNull() ? null : value.textValue());
        }
        return members;
    }

    private static void checkPayload(String payload, String correlationId) throws MalformedSignalingMessage {
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(payload);
        } catch (IllegalArgumentException e) {
            throw new MalformedSignalingMessage(RefusalReason.INVALID_PAYLOAD, correlationId,
                "messagePayload is not base64.");
        }
        if (decoded.length > MAX_PAYLOAD_BYTES) {
            throw new MalformedSignalingMessage(RefusalReason.PAYLOAD_TOO_LARGE, correlationId,
                "messagePayload decodes to " + decoded.length + " bytes; at most " + MAX_PAYLOAD_BYTES + " are accepted.");
        }
        try {
            if (!JSON.readTree(decoded).isObject()) {
                throw new MalformedSignalingMessage(RefusalReason.INVALID_PAYLOAD, correlationId,
                    "messagePayload is not base64 of a JSON object.");
            }
        } catch (IOException e) {
            throw new MalformedSignalingMessage(RefusalReason.INVALID_PAYLOAD, correlationId,
                "messagePayload is not base64 of JSON.");
        }
    }

    private static String present(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static MalformedSignalingMessage malformed(String correlationId, String description) {
        return new MalformedSignalingMessage(RefusalReason.MALFORMED_MESSAGE, correlationId, description);
    }

    /** The value for a description, cut short so a hostile one cannot bloat the answer. */
    private static String quote(String value) {
        return "'" + (value.length() > 64 ? value.substring(0, 64) + "…" : value) + "'";
    }
}
