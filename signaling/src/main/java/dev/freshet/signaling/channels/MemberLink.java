package dev.freshet.signaling.channels;

/**
 * A {@link ServerSideMember}'s way to the channel's master and viewers, from {@link ChannelRelay#joinServerSide}.
 *
 * <p>Thread-safe.
 */
public interface MemberLink {

    /**
     * Sends a message to the master, delivered with no {@code senderClientId} (as the service's
     * storage session does). Dropped, and counted as {@link RefusalReason#MASTER_NOT_CONNECTED},
     * once the master is gone.
     *
     * @param action               {@code SDP_OFFER}, {@code SDP_ANSWER} or {@code ICE_CANDIDATE}
     * @param messagePayloadBase64 base64 of the JSON payload
     */
    void toMaster(String action, String messagePayloadBase64);

    /**
     * Sends a message to the connected viewer {@code clientId}, delivered with no
     * {@code senderClientId} (as the service's storage session does for viewers that joined it).
     *
     * @return false, counted as {@link RefusalReason#RECIPIENT_NOT_CONNECTED}, when the viewer is not
     *         connected or the member has left
     */
    boolean toViewer(String clientId, String action, String messagePayloadBase64);

    /**
     * Takes over the connected viewer {@code clientId}: its messages reach
     * {@link ServerSideMember#fromViewer} instead of the master until that connection ends
     * ({@link ServerSideMember#viewerLeft}) or the member leaves.
     *
     * @return false when no viewer {@code clientId} is connected, or the member has left
     */
    boolean adoptViewer(String clientId);

    /** Leaves the channel; later messages of the master no longer reach the member. Idempotent. */
    void leave();
}
