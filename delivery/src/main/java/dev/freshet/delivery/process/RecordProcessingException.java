package dev.freshet.delivery.process;

/**
 * One record could not be processed; it goes to the error output with this error code and
 * message, and the rest of the buffer goes on.
 */
public final class RecordProcessingException extends Exception {

    private final String errorCode;

    public RecordProcessingException(String errorCode, String message) {
        super(message);
        this.errorCode = errorCode;
    }

    /** The envelope's {@code errorCode}, e.g. {@code DynamicPartitioning.MetadataExtractionFailed}. */
    public String errorCode() {
        return errorCode;
    }
}
