package dev.freshet.delivery.convert;

/**
 * A record that cannot be converted (not JSON, not an object, a value that does not fit its
 * column). Such records go to the error output as {@code format-conversion-failed}; the message
 * becomes the envelope's ErrorMessage. No stack trace: it is an expected outcome per record.
 */
public final class ConversionException extends RuntimeException {

    public ConversionException(String message) {
        super(message, null, false, false);
    }
}
