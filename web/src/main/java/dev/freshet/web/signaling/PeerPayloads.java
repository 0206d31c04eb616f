package dev.freshet.web.signaling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The {@code messagePayload} of the signaling messages a server-side peer (a storage session)
 * exchanges with a channel's master: base64 of the JSON the browsers' {@code RTCSessionDescription}
 * and {@code RTCIceCandidate} serialise to.
 * <pre>
 * SDP_OFFER / SDP_ANSWER   {"type": "offer" | "answer", "sdp": "v=0\r\n…"}
 * ICE_CANDIDATE            {"candidate": "candidate:…", "sdpMid": "0", "sdpMLineIndex": 0}
 * </pre>
 * Keys are read case-insensitively, as the relay reads the envelope (the C SDK writes its own JSON).
 *
 * <p>Stateless and thread-safe.
 */
public final class PeerPayloads {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private PeerPayloads() {
    }

    /** A trickled candidate: its {@code candidate:…} line and the section it belongs to (may be null). */
    public record IceCandidate(String candidate, String sdpMid) {
    }

    /** The payload of an SDP_OFFER carrying {@code sdp}. */
    public static String offer(String sdp) {
        ObjectNode description = JSON.createObjectNode().put("type", "offer").put("sdp", sdp);
        return Base64.getEncoder().encodeToString(description.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The SDP of an SDP_ANSWER payload.
     *
     * @throws IllegalArgumentException when it is not base64 of an object with {@code type} "answer" and an {@code sdp}
     */
    public static String answer(String payload) {
        JsonNode description = object(payload);
        if (!"answer".equals(text(description, "type"))) {
            throw malformed("the payload's type is not \"answer\"");
        }
        String sdp = text(description, "sdp");
        if (sdp == null) {
            throw malformed("the answer has no sdp");
        }
        return sdp;
    }

    /**
     * The candidate of an ICE_CANDIDATE payload.
     *
     * @throws IllegalArgumentException when it is not base64 of an object with a {@code candidate} string
     */
    public static IceCandidate candidate(String payload) {
        JsonNode candidate = object(payload);
        String line = text(candidate, "candidate");
        if (line == null) {
            throw malformed("the payload has no candidate");
        }
        return new IceCandidate(line, text(candidate, "sdpMid"));
    }

    private static JsonNode object(String payload) {
        JsonNode node;
        try {
            node = JSON.readTree(Base64.getDecoder().decode(payload));
        } catch (IllegalArgumentException | IOException e) {
            throw malformed("the payload is not base64 of JSON");
        }
        if (node == null || !node.isObject()) {
            throw malformed("the payload is not a JSON object");
        }
        return node;
    }

    private static String text(JsonNode object, String key) {
        for (var fields = object.fields(); fields.hasNext(); ) {
            var field = fields.next();
            if (field.getKey().equalsIgnoreCase(key) && field.getValue().isTextual()) {
                return field.getValue().asText();
            }
        }
        return null;
    }

    private static IllegalArgumentException malformed(String why) {
        return new IllegalArgumentException(why);
    }
}
