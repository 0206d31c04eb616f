package dev.freshet.signaling.storage;

import java.util.Objects;

/**
 * A storage session's signaling refused, with a {@link Reason} the web layer maps to a KVS error.
 * Stream and slot refusals at join are {@link dev.freshet.signaling.whip.WhipException}s, as for WHIP.
 *
 * <p>Immutable.
 */
public final class StorageException extends RuntimeException {

    /** Why. */
    public enum Reason {
        /** The master's answer does not parse or cannot be used; {@link #detailId()} says why. The session ends. */
        BAD_ANSWER,
        /** An answer for a session that is not waiting for one (answered already, or ended). */
        NOT_AWAITING_ANSWER,
        /** A viewer joined a channel whose storage session is not receiving the master's media. */
        NOT_RECEIVING
    }

    private final transient Reason reason;
    private final String detailId;

    public StorageException(Reason reason, String detailId, String message) {
        super(message, null, false, false);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.detailId = Objects.requireNonNull(detailId, "detailId");
    }

    public Reason reason() {
        return reason;
    }

    /** A stable id of the finer cause (an SDP or negotiation reason such as {@code sdp.no-usable-media}), or empty. */
    public String detailId() {
        return detailId;
    }
}
