package dev.freshet.web.protocol;

import java.util.Objects;

/**
 * A request failed at the protocol layer (or a service wants to answer with an AWS error): carries
 * the {@link AwsError} to send and a {@link Reason} that tests and metrics can rely on instead of
 * message text.
 *
 * <p>No stack trace is captured: these are expected client errors on hot paths, and the reason plus
 * the error say what went wrong. The cause (for instance Jackson's exception) is kept.
 */
public final class ProtocolException extends RuntimeException {

    /** Why the request was refused. */
    public enum Reason {
        /** Not well-formed JSON/CBOR, truncated, trailing data, duplicate member, not an object. */
        MALFORMED_BODY,
        /** A parser limit was exceeded: nesting, number, string or name length, token count. */
        LIMIT_EXCEEDED,
        /** A modelled member had the wrong type, or a blob was not valid base64. */
        WRONG_TYPE,
        /** A modelled constraint was violated (ValidationException). */
        CONSTRAINT_VIOLATION,
        /** Raised by a service or handler with an error of its own. */
        SERVICE
    }

    private static final long serialVersionUID = 1L;

    private final transient AwsError error;
    private final Reason reason;

    /** An error raised by a service or handler ({@link Reason#SERVICE}). */
    public ProtocolException(AwsError error) {
        this(error, Reason.SERVICE, null);
    }

    public ProtocolException(AwsError error, Reason reason) {
        this(error, reason, null);
    }

    public ProtocolException(AwsError error, Reason reason, Throwable cause) {
        super(error.type() + (error.message() == null ? "" : ": " + error.message()), cause, false, false);
        this.error = error;
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** The error to answer with. */
    public AwsError error() {
        return error;
    }

    public Reason reason() {
        return reason;
    }

    static ProtocolException wrongType(String message) {
        return new ProtocolException(AwsError.serialization(message), Reason.WRONG_TYPE);
    }
}
