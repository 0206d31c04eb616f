package dev.freshet.fragments.hls;

/**
 * A playback request the service refuses: the reason maps to the archived-media API's error
 * (ResourceNotFoundException 404 for {@link Reason#NO_FRAGMENTS} and unknown fragments,
 * InvalidArgumentException 400, ClientLimitExceededException 400, …) in the web layer.
 */
public final class PlaybackException extends RuntimeException {

    public enum Reason {
        /** No fragments match (LIVE: none in the last 30 seconds). */
        NO_FRAGMENTS,
        /** A fragment number, part or track that the session does not have. */
        NOT_FOUND,
        /** The session token is damaged, forged, for another stream or expired. */
        INVALID_SESSION,
        /** Arguments that contradict each other or the stream. */
        INVALID_ARGUMENT,
        /** Media Freshet cannot package as asked (e.g. a codec the container cannot carry). */
        UNSUPPORTED_MEDIA
    }

    private final Reason reason;

    public PlaybackException(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
