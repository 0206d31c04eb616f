package dev.freshet.signaling.storage;

import dev.freshet.webrtc.MalformedInputException;
import dev.freshet.webrtc.sdp.Candidate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.atomic.LongAdder;

/**
 * The ICE candidates a peer of a storage session trickled (the master, or a viewer): parsed and
 * counted, not used, because Freshet is the controlling agent on one UDP port that cannot send a
 * check before the peer's own checks have reached it (their source is the peer-reflexive address).
 *
 * <p>Thread-safe.
 */
final class TrickledCandidates {

    private static final Logger LOG = LoggerFactory.getLogger(TrickledCandidates.class);

    private final String channelArn;
    private final String sessionId;
    private final LongAdder parsed = new LongAdder();
    private final LongAdder malformed = new LongAdder();

    TrickledCandidates(String channelArn, String sessionId) {
        this.channelArn = channelArn;
        this.sessionId = sessionId;
    }

    /** @return whether {@code candidateLine} ({@code candidate:...}, as in RTCIceCandidate) parsed */
    boolean add(String candidateLine, String mid) {
        try {
            Candidate.parse(candidateLine);
            parsed.increment();
            return true;
        } catch (MalformedInputException e) {
            malformed.increment();
            LOG.atDebug().setMessage("storage session candidate malformed").addKeyValue("channel", channelArn)
                .addKeyValue("session", sessionId).addKeyValue("mid", mid).addKeyValue("reason", e.reason().id()).log();
            return false;
        }
    }

    long parsed() {
        return parsed.sum();
    }

    long malformed() {
        return malformed.sum();
    }
}
