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
 * @param tokens           Bearer token by stream name, {@code *} for every other stream; empty: no
 *                         authentication ({@code webrtc-tokens})
 * @param createStreams    whether a WHIP publish creates an unknown stream ({@code webrtc-create-streams})
 * @param keyframeInterval how long a publisher may go without a keyframe before it is asked for one
 *                         ({@code webrtc-keyframe-interval})
 */
public record WebRtcSettings(int port, String host, List<String> advertised, int maxSessions,
                             Map<String, String> tokens, boolean createStreams, Duration keyframeInterval) {

    public WebRtcSettings {
        Objects.requireNonNull(host, "host");
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
}
