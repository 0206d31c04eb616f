package dev.freshet.signaling.storage;

/**
 * Where a storage session's offer goes: the web layer relays it to the channel's master as an
 * {@code SDP_OFFER} with no sender client id, as KVS does.
 *
 * <p>Called on the joining thread with the storage sessions' lock held, so it should hand the offer
 * on (queue it on the master's WebSocket) without waiting. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface OfferSink {

    /** @param sdp the offer, CRLF line ends */
    void sendOffer(String sdp);
}
