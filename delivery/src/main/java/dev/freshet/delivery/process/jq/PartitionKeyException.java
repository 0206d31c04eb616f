package dev.freshet.delivery.process.jq;

/** A record's partition keys could not be extracted; the message says why, for the error output. */
public final class PartitionKeyException extends Exception {

    public PartitionKeyException(String message) {
        super(message);
    }
}
