package dev.freshet.signaling.channels;

/**
 * A {@link ServerSideMember}'s way to the channel's master, from {@link ChannelRelay#joinServerSide}.
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

    /** Leaves the channel; later messages of the master no longer reach the member. Idempotent. */
    void leave();
}
