package dev.freshet.web.signaling;

import java.util.Objects;

/**
 * One client→server message of the KVS signaling WebSocket, as parsed by {@link SignalingMessageParser}:
 * <pre>
 * {"action": "SDP_OFFER" | "SDP_ANSWER" | "ICE_CANDIDATE",
 *  "recipientClientId": "viewer-1",          (optional; only a master's messages use it)
 *  "messagePayload": "eyJ0eXBlIjoi…",        (base64 of a JSON object: an SDP or an RTCIceCandidate)
 *  "correlationId": "1700000000000"}         (optional, [a-zA-Z0-9_.-]{1,256})
 * </pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param recipientClientId null when absent or empty
 * @param correlationId     null when absent or empty
 */
public record SignalingMessage(String action, String recipientClientId, String messagePayload, String correlationId) {

    public SignalingMessage {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(messagePayload, "messagePayload");
    }
}
