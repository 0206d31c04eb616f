package dev.freshet.delivery.destination.redshift;

/** A staged object's bytes cannot be read as the COPY options say (Redshift.DataLoadFailed). */
final class CopyDataException extends Exception {

    CopyDataException(String message) {
        super(message);
    }
}
