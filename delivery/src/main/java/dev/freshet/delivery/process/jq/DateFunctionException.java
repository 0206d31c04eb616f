package dev.freshet.delivery.process.jq;

/** A date function got an input or a format it cannot handle; the JQ query fails with this message. */
final class DateFunctionException extends Exception {

    DateFunctionException(String message) {
        super(message);
    }
}
