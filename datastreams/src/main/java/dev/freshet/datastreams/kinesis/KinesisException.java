package dev.freshet.datastreams.kinesis;

/** A request the Kinesis services refuse, with the service's error type and message. */
public final class KinesisException extends RuntimeException {

    private final KinesisErrorType type;

    public KinesisException(KinesisErrorType type, String message) {
        super(message, null, false, false);
        this.type = type;
    }

    public KinesisErrorType type() {
        return type;
    }
}
