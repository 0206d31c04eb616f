package dev.freshet.signaling.channels;

/**
 * Why a client's signaling message was not relayed. Each refusal is counted (by reason, see
 * {@link RelayTotals}) and answered with a STATUS_RESPONSE; the connection stays open.
 */
public enum RefusalReason {
    /** The WebSocket message is larger than the message size limit. */
    MESSAGE_TOO_LARGE,
    /** Not a JSON object with string members, or a member is missing or malformed. */
    MALFORMED_MESSAGE,
    /** {@code action} is none of SDP_OFFER, SDP_ANSWER, ICE_CANDIDATE. */
    UNKNOWN_ACTION,
    /** {@code messagePayload} is not base64 of a JSON object. */
    INVALID_PAYLOAD,
    /** {@code messagePayload} is larger than the payload limit. */
    PAYLOAD_TOO_LARGE,
    /** The master named a {@code recipientClientId} that is not connected. */
    RECIPIENT_NOT_CONNECTED,
    /** A viewer (or server-side member) sent while no master is connected. */
    MASTER_NOT_CONNECTED,
    /** The master sent without a recipient while no server-side member (storage session) is joined. */
    NO_SERVER_SIDE_MEMBER,
    /** The sender's connection was replaced or has left. */
    NOT_CONNECTED
}
