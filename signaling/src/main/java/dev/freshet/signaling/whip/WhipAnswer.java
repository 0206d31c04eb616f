package dev.freshet.signaling.whip;

import java.util.Objects;

/**
 * A started WHIP session: its id (the last segment of its resource URL), the SDP answer and the
 * entity-tag of its ICE session (RFC 9725 section 4.3.1: PATCH requests name it in {@code If-Match}).
 *
 * @param sessionId 32 lower-case hex digits, unguessable
 * @param sdp       the answer, CRLF line ends
 * @param etag      the {@code ETag} value, quoted
 */
public record WhipAnswer(String sessionId, String sdp, String etag) {

    public WhipAnswer {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(sdp, "sdp");
        Objects.requireNonNull(etag, "etag");
    }

    /** An answer whose entity-tag is the session id. */
    public WhipAnswer(String sessionId, String sdp) {
        this(sessionId, sdp, "\"" + sessionId + "\"");
    }
}
