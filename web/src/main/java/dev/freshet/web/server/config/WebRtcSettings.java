package dev.freshet.web.server.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The WebRTC side of the server's settings.
 *
 * <p>Immutable, thread-safe. {@link #toString()} hides the tokens.
 *
 * @param port             the one UDP port every peer reaches ({@code webrtc-port}); 0 means any free port
 * @param host             the address it binds ({@code webrtc-host})
 * @param advertised       IP literals announced in ICE candidates instead of the bound address, empty to
 *                         announce that ({@code webrtc-advertised-addresses})
 * @param maxSessions      sessions held at once ({@code webrtc-max-sessions})
 * @param iceServers       what KVS GetIceServerConfig answers ({@code webrtc-ice-servers} and their credentials)
 * @param tokens           Bearer token by stream name, {@code *} for every other stream; empty: no
 *                         authentication ({@code webrtc-tokens})
 * @param createStreams    whether a WHIP publish creates an unknown stream ({@code webrtc-create-streams})
 * @param keyframeInterval how long a publisher may go without a keyframe before it is asked for one
 *                         ({@code webrtc-keyframe-interval})
 */
public record WebRtcSettings(int port, String host, List<String> advertised, int maxSessions, IceServers iceServers,
                             Map<String, String> tokens, boolean createStreams, Duration keyframeInterval) {

    public WebRtcSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(iceServers, "iceServers");
        Objects.requireNonNull(keyframeInterval, "keyframeInterval");
        advertised = List.copyOf(advertised);
        tokens = Map.copyOf(tokens);
    }

    @Override
    public String toString() {
        return "WebRtcSettings[port=" + port + ", host=" + host + ", advertised=" + advertised + ", maxSessions="
            + maxSessions + ", tokens=" + tokens.keySet() + ", createStreams=" + createStreams
            + ", keyframeInterval=" + keyframeInterval + "]";
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
