package dev.freshet.signaling.whip;

import java.util.Objects;

/**
 * A started WHIP session: its id (the last segment of its resource URL) and the SDP answer.
 *
 * @param sessionId 32 lower-case hex digits, unguessable
 * @param sdp       the answer, CRLF line ends
 */
public record WhipAnswer(String sessionId, String sdp) {

    public WhipAnswer {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(sdp, "sdp");
    }
}
