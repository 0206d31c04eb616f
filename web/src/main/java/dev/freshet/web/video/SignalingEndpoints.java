package dev.freshet.web.video;

import java.util.OptionalInt;

/**
 * The endpoints GetSignalingChannelEndpoint answers, all on this server: HTTPS and WEBRTC are the
 * base URL the request reached (GetIceServerConfig and the storage-session calls are served on
 * the same port); WSS is the WebSocket signaling endpoint ({@value #WEBSOCKET_PATH}), {@code wss:}
 * when the request came over TLS or TLS is configured (on its port), else {@code ws:}.
 *
 * <p>Immutable and thread-safe.
 */
final class SignalingEndpoints {

    /** Where signaling clients open their WebSocket (with {@code ?X-Amz-ChannelARN=…}). */
    static final String WEBSOCKET_PATH = "/signaling";

    private final OptionalInt tlsPort;

    /** @param tlsPort the server's HTTPS port, empty without TLS */
    SignalingEndpoints(OptionalInt tlsPort) {
        this.tlsPort = tlsPort;
    }

    /** The endpoint of {@code protocol} ({@code WSS}, {@code HTTPS}, {@code WEBRTC}) for a request that reached {@code baseUrl}. */
    String of(String protocol, String baseUrl) {
        return protocol.equals("WSS") ? webSocket(baseUrl) : baseUrl;
    }

    private String webSocket(String baseUrl) {
        if (baseUrl.startsWith("https://")) {
            return "wss://" + baseUrl.substring("https://".length()) + WEBSOCKET_PATH;
        }
        String authority = baseUrl.substring("http://".length());
        if (tlsPort.isPresent()) {
            return "wss://" + host(authority) + ":" + tlsPort.getAsInt() + WEBSOCKET_PATH;
        }
        return "ws://" + authority + WEBSOCKET_PATH;
    }

    /** The authority without its port (IPv6 literals keep their brackets). */
    private static String host(String authority) {
        int colon = authority.lastIndexOf(':');
        return colon > authority.lastIndexOf(']') ? authority.substring(0, colon) : authority;
    }
}
