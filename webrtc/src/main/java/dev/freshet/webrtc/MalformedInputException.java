package dev.freshet.webrtc;

import java.util.Objects;

/**
 * Bytes from a peer that a parser of this module refuses (a packet, a message, an SDP): the one
 * exception every parser throws for untrusted input, so callers drop and count without catching
 * anything broader. The {@link Reason} is what tests and counters use; the detail is for logs.
 *
 * <p>Immutable.
 */
public final class MalformedInputException extends RuntimeException {

    /** Why input was refused; each protocol package has an enum of its own reasons. */
    public interface Reason {
        /** A stable name for counters and logs, e.g. {@code rtp.truncated-header}. */
        String id();
    }

    private final transient Reason reason;

    public MalformedInputException(Reason reason, String detail) {
        super(Objects.requireNonNull(reason, "reason").id() + ": " + detail, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
