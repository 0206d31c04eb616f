package dev.freshet.signaling.channels;

/**
 * A connected signaling client as the relay sees it: the web layer's WebSocket, which encodes
 * what it is given. Calls come from any thread and must not block (queue the frame and return).
 */
public interface SignalingPeer {

    /**
     * Delivers a relayed message.
     *
     * @param senderClientId       the viewer that sent it, or null when the master or a
     *                             server-side member did
     * @param messageType          the sender's action ({@code SDP_OFFER}, {@code SDP_ANSWER},
     *                             {@code ICE_CANDIDATE})
     * @param messagePayloadBase64 the payload, unchanged
     */
    void deliver(String senderClientId, String messageType, String messagePayloadBase64);

    /** The connection is over (replaced, channel deleted, server stopping): say GO_AWAY and close. */
    void goAway();
}
