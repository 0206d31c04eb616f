package dev.freshet.web.signaling;

import dev.freshet.signaling.channels.RefusalReason;

import java.util.Objects;

/**
 * A client message {@link SignalingMessageParser} refuses: the reason (assert that in tests, not the
 * message text), and the message's correlation id when one could be read, for the STATUS_RESPONSE.
 * No stack trace is captured: this is an expected answer.
 *
 * <p>Immutable and thread-safe.
 */
public final class MalformedSignalingMessage extends Exception {

    private static final long serialVersionUID = 1L;

    private final RefusalReason reason;
    private final String correlationId;

    MalformedSignalingMessage(RefusalReason reason, String correlationId, String description) {
        super(description, null, false, false);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.correlationId = correlationId;
    }

    public RefusalReason reason() {
        return reason;
    }

    /** The correlation id the message carried, or null. */
    public String correlationId() {
        return correlationId;
    }
}
