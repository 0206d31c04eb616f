package dev.freshet.web.video;

import dev.freshet.fragments.video.VideoStreamRef;
import dev.freshet.web.protocol.Input;

import java.util.Optional;

/**
 * One validated REST-JSON request as an operation sees it.
 *
 * <p>Not thread-safe: wraps the request's mutable {@link Input}; confine it to the request's thread.
 *
 * @param input   the request body, already checked against the operation's input shape
 * @param baseUrl this server as the request reached it, {@code scheme://host[:port]} (see {@link BaseUrl})
 */
public record RestJsonCall(Input input, String baseUrl) {

    /** The stream named by the optional {@code StreamName} and {@code StreamARN} members. */
    public VideoStreamRef streamRef() {
        return new VideoStreamRef(string("StreamName"), string("StreamARN"));
    }

    /** A string member, or null when absent. */
    public String string(String member) {
        return input.string(member).orElse(null);
    }

    /** A structure member, if present. */
    public Optional<Input> structure(String member) {
        return input.structure(member);
    }
}
