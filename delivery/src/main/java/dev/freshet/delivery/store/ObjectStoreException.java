package dev.freshet.delivery.store;

/** An object was not stored. The message says why in the store's words (S3 error code and message, or the I/O error). */
public final class ObjectStoreException extends Exception {

    private final String errorCode;
    private final boolean retryable;

    public ObjectStoreException(String errorCode, String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.errorCode = errorCode;
        this.retryable = retryable;
    }

    /** S3's error code ({@code NoSuchBucket}, {@code AccessDenied}…) or {@code IOException}. */
    public String errorCode() {
        return errorCode;
    }

    public boolean retryable() {
        return retryable;
    }
}
