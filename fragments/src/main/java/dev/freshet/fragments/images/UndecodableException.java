package dev.freshet.fragments.images;

/**
 * A fragment's frames cannot give a picture, for the reason {@link #failure()} names. Immutable;
 * thread-safe.
 */
final class UndecodableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ImageResult.Failure failure;

    UndecodableException(ImageResult.Failure failure, String message) {
        super(message, null, false, false);
        this.failure = failure;
    }

    ImageResult.Failure failure() {
        return failure;
    }
}
