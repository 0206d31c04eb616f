package dev.freshet.signaling.channels;

/**
 * A participant that lives inside the server (a storage session): it receives what the master
 * sends without a recipient. Join with {@link ChannelRelay#joinServerSide}.
 *
 * <p>Callbacks run on the master's connection thread, one at a time per master, and must not
 * block: hand work to another thread.
 */
public interface ServerSideMember {

    /**
     * A message the master sent with no {@code recipientClientId}.
     *
     * @param action               {@code SDP_OFFER}, {@code SDP_ANSWER} or {@code ICE_CANDIDATE}
     * @param messagePayloadBase64 the payload as the master sent it: base64 of a JSON object
     */
    void fromMaster(String action, String messagePayloadBase64);

    /** The master this member joined disconnected or was replaced; the member's link is closed. */
    void masterLeft();
}
