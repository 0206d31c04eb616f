package dev.freshet.web.video;

import dev.freshet.signaling.channels.ChannelRelay;
import dev.freshet.signaling.channels.RefusalReason;
import dev.freshet.signaling.channels.RelayConnection;
import dev.freshet.signaling.channels.SignalingPeer;
import dev.freshet.web.signaling.MalformedSignalingMessage;
import dev.freshet.web.signaling.ServerMessages;
import dev.freshet.web.signaling.SignalingMessage;
import dev.freshet.web.signaling.SignalingMessageParser;
import io.undertow.websockets.core.AbstractReceiveListener;
import io.undertow.websockets.core.BufferedBinaryMessage;
import io.undertow.websockets.core.BufferedTextMessage;
import io.undertow.websockets.core.CloseMessage;
import io.undertow.websockets.core.WebSocketCallback;
import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.core.WebSocketMessages;
import io.undertow.websockets.core.WebSockets;
import org.xnio.IoUtils;

import java.util.Locale;
import java.util.Optional;

/**
 * One client's signaling WebSocket: parses each text message ({@link SignalingMessageParser}) and
 * hands it to its {@link RelayConnection}; writes what the relay delivers ({@link ServerMessages}).
 * Anything refused is counted by the relay and answered with a STATUS_RESPONSE; the connection
 * stays open. Messages past {@value #HARD_LIMIT_BYTES} bytes are not buffered: Undertow closes
 * with 1009 (counted as too large too). Binary messages are refused.
 *
 * <p>Messages of one connection are handled one at a time, on its I/O thread (relaying only
 * queues frames); deliveries come from any thread.
 *
 * <p>Thread-safe.
 */
final class SignalingConnection extends AbstractReceiveListener implements SignalingPeer {

    static final int HARD_LIMIT_BYTES = 1024 * 1024;
    private static final String TOO_BIG = WebSocketMessages.MESSAGES.messageToBig(HARD_LIMIT_BYTES);

    private final WebSocketChannel socket;
    private final ChannelRelay relay;
    private volatile RelayConnection connection;

    SignalingConnection(WebSocketChannel socket, ChannelRelay relay) {
        this.socket = socket;
        this.relay = relay;
    }

    /** Joins the relay as the channel's master ({@code clientId} null) or a viewer, and starts reading. */
    void open(String channelArn, String clientId) {
        connection = clientId == null ? relay.connectMaster(channelArn, this)
            : relay.connectViewer(channelArn, clientId, this);
        socket.addCloseTask(closed -> connection.leave());
        if (!socket.isOpen()) {
            connection.leave(); // closed before the task was added, which then never runs
            return;
        }
        socket.getReceiveSetter().set(this);
        socket.resumeReceives();
    }

    @Override
    protected long getMaxTextBufferSize() {
        return HARD_LIMIT_BYTES;
    }

    @Override
    protected long getMaxBinaryBufferSize() {
        return HARD_LIMIT_BYTES;
    }

    @Override
    protected void onFullTextMessage(WebSocketChannel channel, BufferedTextMessage message) {
        try {
            SignalingMessage parsed = SignalingMessageParser.parse(message.getData());
            Optional<RefusalReason> refused =
                connection.send(parsed.action(), parsed.recipientClientId(), parsed.messagePayload());
            refused.ifPresent(reason -> status(parsed.correlationId(), reason, describe(reason)));
        } catch (MalformedSignalingMessage e) {
            relay.refused(e.reason());
            status(e.correlationId(), e.reason(), e.getMessage());
        }
    }

    @Override
    protected void onFullBinaryMessage(WebSocketChannel channel, BufferedBinaryMessage message) {
        message.getData().free();
        relay.refused(RefusalReason.MALFORMED_MESSAGE);
        status(null, RefusalReason.MALFORMED_MESSAGE, "Binary messages are not accepted: send JSON text.");
    }

    @Override
    protected void onError(WebSocketChannel channel, Throwable error) {
        if (TOO_BIG.equals(error.getMessage())) {
            relay.refused(RefusalReason.MESSAGE_TOO_LARGE);
        }
        super.onError(channel, error);
    }

    @Override
    public void deliver(String senderClientId, String messageType, String messagePayloadBase64) {
        WebSockets.sendText(ServerMessages.delivery(senderClientId, messageType, messagePayloadBase64), socket, null);
    }

    @Override
    public void goAway() {
        if (!socket.isOpen()) {
            return;
        }
        WebSockets.sendText(ServerMessages.goAway(), socket, new WebSocketCallback<Void>() {
            @Override
            public void complete(WebSocketChannel channel, Void context) {
                WebSockets.sendClose(CloseMessage.GOING_AWAY, "GO_AWAY", channel, null);
            }

            @Override
            public void onError(WebSocketChannel channel, Void context, Throwable throwable) {
                IoUtils.safeClose(channel);
            }
        });
    }

    private void status(String correlationId, RefusalReason reason, String description) {
        boolean missing = reason == RefusalReason.RECIPIENT_NOT_CONNECTED || reason == RefusalReason.MASTER_NOT_CONNECTED
            || reason == RefusalReason.NO_SERVER_SIDE_MEMBER || reason == RefusalReason.NOT_CONNECTED;
        String id = reason.name().toLowerCase(Locale.ROOT).replace('_', '-');
        WebSockets.sendText(ServerMessages.statusResponse(correlationId,
            missing ? "ResourceNotFoundException" : "InvalidArgumentException", missing ? 404 : 400,
            id + ": " + description), socket, null);
    }

    private static String describe(RefusalReason reason) {
        return switch (reason) {
            case RECIPIENT_NOT_CONNECTED -> "The recipient client is not connected to the channel.";
            case MASTER_NOT_CONNECTED -> "No master is connected to the channel.";
            case NO_SERVER_SIDE_MEMBER -> "The message has no recipientClientId and no storage session is joined.";
            default -> "This connection was replaced or has left the channel.";
        };
    }
}
