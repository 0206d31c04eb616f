package dev.freshet.delivery.process.split;

/** A record's bytes do not have the structure a splitter expects; the reason says where. */
public final class MalformedRecordException extends Exception {

    public MalformedRecordException(String reason) {
        super(reason);
    }
}
