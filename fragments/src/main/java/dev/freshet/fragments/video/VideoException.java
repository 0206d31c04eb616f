package dev.freshet.fragments.video;

import java.util.Objects;

/**
 * A request the video services refuse, with the service's error type and a message for the
 * client. Tests should assert {@link #type()}, not the message. No stack trace is captured: these
 * are expected answers, not faults.
 *
 * <p>Immutable and thread-safe.
 */
public final class VideoException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final VideoErrorType type;

    public VideoException(VideoErrorType type, String message) {
        super(message, null, false, false);
        this.type = Objects.requireNonNull(type, "type");
    }

    public VideoErrorType type() {
        return type;
    }
}
