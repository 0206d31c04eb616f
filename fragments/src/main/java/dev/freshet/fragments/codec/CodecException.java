package dev.freshet.fragments.codec;

import java.util.Objects;

/**
 * Codec configuration or bitstream bytes that cannot be used: the one exception the parsers of this
 * package throw for any input, carrying a {@link Reason} that callers and tests rely on instead of
 * the message text.
 *
 * <p>No stack trace is captured: malformed producer data is an expected condition, and the reason
 * plus the message say what went wrong. Immutable; thread-safe.
 */
public final class CodecException extends RuntimeException {

    /** Why the bytes were refused. */
    public enum Reason {
        /** The input ended before the syntax it must hold. */
        TRUNCATED,
        /** A syntax element has a value the specification forbids (bad magic, reserved value, out of range). */
        MALFORMED,
        /** Well-formed, but a version or feature this code does not handle. */
        UNSUPPORTED,
        /** A required part is absent (no SPS in a configuration record, no config for a codec that needs one). */
        MISSING
    }

    private static final long serialVersionUID = 1L;

    private final Reason reason;

    public CodecException(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }

    static CodecException truncated(String what) {
        return new CodecException(Reason.TRUNCATED, what + ": input ends early");
    }

    static CodecException malformed(String message) {
        return new CodecException(Reason.MALFORMED, message);
    }

    static CodecException unsupported(String message) {
        return new CodecException(Reason.UNSUPPORTED, message);
    }

    static CodecException missing(String message) {
        return new CodecException(Reason.MISSING, message);
    }
}
