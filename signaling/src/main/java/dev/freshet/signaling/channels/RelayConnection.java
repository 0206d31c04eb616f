package dev.freshet.signaling.channels;

import java.util.Optional;

/**
 * One connected client of the {@link ChannelRelay} (a master, or a viewer with its client id), as
 * the web layer holds it for the life of its WebSocket.
 *
 * <p>Thread-safe.
 */
public final class RelayConnection {

    private final ChannelRelay relay;
    private final String channelArn;
    private final String clientId;
    private final SignalingPeer peer;

    RelayConnection(ChannelRelay relay, String channelArn, String clientId, SignalingPeer peer) {
        this.relay = relay;
        this.channelArn = channelArn;
        this.clientId = clientId;
        this.peer = peer;
    }

    /**
     * Relays one message. A viewer's goes to the master ({@code recipientClientId} is ignored); a
     * master's goes to the viewer {@code recipientClientId}, or without one to the server-side
     * members.
     *
     * @return empty when delivered, else why not (counted already)
     */
    public Optional<RefusalReason> send(String action, String recipientClientId, String messagePayloadBase64) {
        return relay.send(this, action, recipientClientId, messagePayloadBase64);
    }

    /** The client disconnected. Idempotent; does nothing once the connection was replaced. */
    public void leave() {
        relay.leave(this);
    }

    public String channelArn() {
        return channelArn;
    }

    /** The viewer's client id; null for the master. */
    public String clientId() {
        return clientId;
    }

    public boolean isViewer() {
        return clientId != null;
    }

    SignalingPeer peer() {
        return peer;
    }
}
