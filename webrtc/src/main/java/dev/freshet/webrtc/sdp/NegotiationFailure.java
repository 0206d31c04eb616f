package dev.freshet.webrtc.sdp;

import dev.freshet.webrtc.MalformedInputException;

/**
 * Why {@link AnswerBuilder} cannot answer an offer that parsed fine, or {@link AnswerReader} cannot use an answer
 * to Freshet's offer: the peer asks for something Freshet does not do (RFC 8829 section 5.3 lets an answerer
 * refuse). Raised as a {@link MalformedInputException}, since the
 * offer is untrusted input like any other; WHIP/WHEP map it to 400 or 406 with the id in the body.
 */
public enum NegotiationFailure implements MalformedInputException.Reason {
    /** No DTLS fingerprint at media or session level (RFC 8842 section 5: required for DTLS-SRTP). */
    MISSING_FINGERPRINT("sdp.missing-fingerprint"),
    /** No ice-ufrag or ice-pwd for an accepted media section (RFC 8839 section 5.4). */
    MISSING_ICE_CREDENTIALS("sdp.missing-ice-credentials"),
    /** An accepted media section without {@code a=rtcp-mux}: Freshet has one UDP port and no RTCP port. */
    NO_RTCP_MUX("sdp.no-rtcp-mux"),
    /** No {@code a=group:BUNDLE}, or an accepted media section outside it: all media share one transport. */
    NO_BUNDLE("sdp.no-bundle"),
    /** {@code a=setup:holdconn}, or a DTLS role the answerer cannot take. */
    BAD_SETUP("sdp.bad-setup"),
    /** No media section is left after refusing those without a usable codec or direction. */
    NO_USABLE_MEDIA("sdp.no-usable-media"),
    /** An answer that does not fit the offer: other m-lines, or a payload type the offer did not give. */
    ANSWER_MISMATCH("sdp.answer-mismatch");

    private final String id;

    NegotiationFailure(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }
}
