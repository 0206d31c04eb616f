package dev.freshet.web.video;

import dev.freshet.fragments.video.VideoErrorType;
import dev.freshet.fragments.video.VideoException;
import dev.freshet.signaling.channels.ChannelRef;
import dev.freshet.signaling.channels.SignalingChannels;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.websockets.WebSocketProtocolHandshakeHandler;
import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.spi.WebSocketHttpExchange;
import org.xnio.IoUtils;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The KVS signaling WebSocket endpoint ({@value SignalingEndpoints#WEBSOCKET_PATH}, what
 * GetSignalingChannelEndpoint answers for WSS). A master connects with
 * {@code ?X-Amz-ChannelARN=<arn>}, a viewer adds {@code &X-Amz-ClientId=<id>}; the SigV4 query
 * parameters are accepted and not checked (Freshet verifies no signatures). Before the upgrade the
 * query is checked: no channel ARN or a bad client id (1..256 of {@code [a-zA-Z0-9_.-]}, not
 * starting with {@code AWS_}) is 400 InvalidArgumentException, an unknown channel 404
 * ResourceNotFoundException, a channel full of viewers 400 ClientLimitExceededException, all as
 * REST-JSON errors. Each accepted socket becomes a
 * {@link SignalingConnection}.
 *
 * <p>Thread-safe.
 */
final class SignalingSocket implements HttpHandler {

    static final String CHANNEL_ARN = "X-Amz-ChannelARN";
    static final String CLIENT_ID = "X-Amz-ClientId";
    private static final Pattern CLIENT_ID_PATTERN = Pattern.compile("[a-zA-Z0-9_.-]{1,256}");

    private final SignalingChannels channels;
    private final HttpHandler handshake;

    SignalingSocket(SignalingChannels channels) {
        this.channels = channels;
        this.handshake = new WebSocketProtocolHandshakeHandler(this::connected);
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        try {
            String channelArn = first(exchange.getQueryParameters(), CHANNEL_ARN);
            String clientId = first(exchange.getQueryParameters(), CLIENT_ID);
            checkClientId(clientId);
            if (channelArn == null) {
                throw VideoErrorType.INVALID_ARGUMENT.exception("The query parameter %s is required.", CHANNEL_ARN);
            }
            channels.lifecycle().describe(ChannelRef.byArn(channelArn));
            if (clientId != null) {
                channels.relay().checkViewerRoom(channelArn, clientId);
            }
        } catch (VideoException e) {
            RestJsonErrors.send(exchange, VideoErrors.of(e));
            return;
        }
        handshake.handleRequest(exchange);
    }

    private void connected(WebSocketHttpExchange exchange, WebSocketChannel socket) {
        Map<String, List<String>> query = exchange.getRequestParameters();
        try {
            new SignalingConnection(socket, channels.relay()).open(first(query, CHANNEL_ARN), first(query, CLIENT_ID));
        } catch (IllegalStateException | VideoException stoppingOrFull) {
            // the relay stopped, or viewers filled the channel since the check before the upgrade
            IoUtils.safeClose(socket);
        }
    }

    private static void checkClientId(String clientId) {
        if (clientId != null && (!CLIENT_ID_PATTERN.matcher(clientId).matches() || clientId.startsWith("AWS_"))) {
            throw VideoErrorType.INVALID_ARGUMENT.exception(
                "%s must be 1 to 256 characters of [a-zA-Z0-9_.-] not starting with AWS_.", CLIENT_ID);
        }
    }

    private static String first(Map<String, ? extends Collection<String>> query, String name) {
        Collection<String> values = query.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        String value = values.iterator().next();
        return value == null || value.isEmpty() ? null : value;
    }
}
