package dev.freshet.fragments.mkv;

import java.util.Objects;

/**
 * MKV input was refused: carries the {@link MkvError} (which maps to a PutMedia ErrorId) and a
 * human-readable reason. Tests and callers act on {@link #error()}, never on the message text.
 *
 * <p>No stack trace is captured: malformed uploads are expected client errors.
 */
public final class MkvException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final MkvError error;
    private final String reason;

    public MkvException(MkvError error, String reason) {
        super(error + " (" + error.errorId() + "): " + reason, null, false, false);
        this.error = Objects.requireNonNull(error, "error");
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public MkvError error() {
        return error;
    }

    /** What was wrong, for logs and the acknowledgement's message. */
    public String reason() {
        return reason;
    }

    static MkvException invalid(String reason) {
        return new MkvException(MkvError.INVALID_MKV_DATA, reason);
    }
}
