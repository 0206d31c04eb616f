package dev.freshet.web.server.config;

import java.util.List;
import java.util.Objects;

/**
 * The WebRTC side of the server's settings.
 *
 * <p>Immutable, thread-safe.
 *
 * @param port        the one UDP port every peer reaches ({@code webrtc-port}); 0 means any free port
 * @param host        the address it binds ({@code webrtc-host})
 * @param advertised  IP literals announced in ICE candidates instead of the bound address, empty to
 *                    announce that ({@code webrtc-advertised-addresses})
 * @param maxSessions sessions held at once ({@code webrtc-max-sessions})
 * @param iceServers  what KVS GetIceServerConfig answers ({@code webrtc-ice-servers} and their credentials)
 */
public record WebRtcSettings(int port, String host, List<String> advertised, int maxSessions,
                             IceServers iceServers) {

    public WebRtcSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(iceServers, "iceServers");
        advertised = List.copyOf(advertised);
    }

    /**
     * STUN/TURN servers handed to signaling-channel clients (Freshet runs none itself).
     *
     * @param uris     {@code stun:}, {@code stuns:}, {@code turn:} or {@code turns:} URIs; empty for none
     * @param username the TURN user name, empty when none is configured
     * @param password the TURN password, empty when none is configured
     */
    public record IceServers(List<String> uris, String username, String password) {

        public static final IceServers NONE = new IceServers(List.of(), "", "");

        public IceServers {
            uris = List.copyOf(uris);
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(password, "password");
        }

        @Override
        public String toString() {
            return "IceServers[uris=" + uris + ", username=" + username + ", password=" + (password.isEmpty() ? "" : "***") + "]";
        }
    }
}
