package dev.freshet.signaling.channels;

/**
 * A participant that lives inside the server (a storage session): it receives what the master
 * sends without a recipient. Join with {@link ChannelRelay#joinServerSide}.
 *
 * <p>Callbacks run on the master's or a viewer's connection thread and must not block: hand work
 * to another thread.
 */
public interface ServerSideMember {

    /**
     * A message the master sent with no {@code recipientClientId}.
     *
     * @param action               {@code SDP_OFFER}, {@code SDP_ANSWER} or {@code ICE_CANDIDATE}
     * @param messagePayloadBase64 the payload as the master sent it: base64 of a JSON object
     */
    void fromMaster(String action, String messagePayloadBase64);

    /**
     * A message of a viewer this member adopted ({@link MemberLink#adoptViewer}); it runs on that
     * viewer's connection thread. Ignored unless overridden.
     */
    default void fromViewer(String clientId, String action, String messagePayloadBase64) {
    }

    /** The adopted viewer {@code clientId} disconnected, or was replaced or adopted by another member. */
    default void viewerLeft(String clientId) {
    }

    /** The master this member joined disconnected or was replaced; the member's link is closed. */
    void masterLeft();
}
