package dev.freshet.delivery.s3;

/** A Prefix or ErrorOutputPrefix that breaks the service's rules, or cannot be evaluated for a record. */
public final class PrefixException extends Exception {

    /** Why; tests assert this, not the message. */
    public enum Reason {
        UNTERMINATED_EXPRESSION,
        NESTED_EXPRESSION,
        UNKNOWN_NAMESPACE,
        UNKNOWN_FIREHOSE_VALUE,
        INVALID_TIMESTAMP_FORMAT,
        EMPTY_PARTITION_KEY_NAME,
        ERROR_OUTPUT_TYPE_IN_PREFIX,
        ERROR_OUTPUT_TYPE_MISSING,
        ERROR_PREFIX_REQUIRED,
        MISSING_PARTITION_KEY,
        TOO_LONG
    }

    private final Reason reason;

    public PrefixException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
