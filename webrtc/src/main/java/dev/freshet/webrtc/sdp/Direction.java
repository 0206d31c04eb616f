package dev.freshet.webrtc.sdp;

import java.util.Optional;

/** A media section's direction attribute (RFC 8866 section 6.7), seen from the side that wrote it. */
public enum Direction {
    SENDRECV("sendrecv"),
    SENDONLY("sendonly"),
    RECVONLY("recvonly"),
    INACTIVE("inactive");

    private final String token;

    Direction(String token) {
        this.token = token;
    }

    /** The attribute name, e.g. {@code sendonly}. */
    public String token() {
        return token;
    }

    public boolean sends() {
        return this == SENDRECV || this == SENDONLY;
    }

    public boolean receives() {
        return this == SENDRECV || this == RECVONLY;
    }

    /** The direction from the other side (RFC 3264 section 6.1): sendonly answers recvonly. */
    public Direction reversed() {
        return switch (this) {
            case SENDONLY -> RECVONLY;
            case RECVONLY -> SENDONLY;
            default -> this;
        };
    }

    static Optional<Direction> fromToken(String token) {
        for (Direction d : values()) {
            if (d.token.equals(token)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }
}
