package dev.freshet.webrtc.sdp;

import java.util.Locale;
import java.util.Optional;

/** The {@code <media>} of an {@code m=} line that WebRTC uses (RFC 8866 section 5.14, RFC 8841). */
public enum MediaKind {
    AUDIO,
    VIDEO,
    APPLICATION;

    /** As it appears on the {@code m=} line. */
    public String token() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<MediaKind> fromToken(String token) {
        for (MediaKind k : values()) {
            if (k.token().equals(token)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
