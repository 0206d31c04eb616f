package dev.freshet.webrtc.sdp;

import java.util.Optional;

/**
 * {@code a=setup} (RFC 4145 section 4, RFC 8842 section 5.2): which side opens the DTLS association.
 * {@code active} is the DTLS client, {@code passive} the DTLS server; an offerer says {@code actpass}.
 */
public enum Setup {
    ACTPASS("actpass"),
    ACTIVE("active"),
    PASSIVE("passive"),
    HOLDCONN("holdconn");

    private final String token;

    Setup(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }

    static Optional<Setup> fromToken(String token) {
        for (Setup s : values()) {
            if (s.token.equalsIgnoreCase(token)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
