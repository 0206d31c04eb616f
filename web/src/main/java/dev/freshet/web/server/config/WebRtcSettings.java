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
 */
public record WebRtcSettings(int port, String host, List<String> advertised, int maxSessions) {

    public WebRtcSettings {
        Objects.requireNonNull(host, "host");
        advertised = List.copyOf(advertised);
    }
}
