package dev.freshet.signaling.whip;

import java.util.Objects;

/**
 * A WHIP request refused, with a {@link Reason} the HTTP layer maps to a status code and a message
 * for the publisher.
 *
 * <p>Immutable.
 */
public final class WhipException extends RuntimeException {

    /** Why; each maps to one HTTP status. */
    public enum Reason {
        /** No such stream, or it takes no media (404). */
        STREAM_NOT_FOUND,
        /** Another publisher (WHIP or PutMedia) writes the stream (409). */
        STREAM_BUSY,
        /** The server holds as many sessions as it is configured for (503). */
        TOO_MANY_SESSIONS,
        /** The offer does not parse or cannot be answered (400); {@link #detailId()} says why. */
        BAD_OFFER,
        /** No session with that id on that stream (404). */
        SESSION_NOT_FOUND,
        /** A PATCH whose {@code If-Match} names another ICE session's entity-tag (412). */
        PRECONDITION_FAILED,
        /** A PATCH for another ICE session (its ice-ufrag), or a restart without new credentials (422). */
        ICE_MISMATCH
    }

    private final transient Reason reason;
    private final String detailId;

    public WhipException(Reason reason, String detailId, String message) {
        super(message, null, false, false);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.detailId = Objects.requireNonNull(detailId, "detailId");
    }

    public WhipException(Reason reason, String message) {
        this(reason, "", message);
    }

    public Reason reason() {
        return reason;
    }

    /** A stable id of the finer cause (an SDP or negotiation reason such as {@code sdp.no-usable-media}), or empty. */
    public String detailId() {
        return detailId;
    }
}
