package dev.freshet.webrtc.sdp;

import java.util.List;
import java.util.Objects;

/**
 * An answer and what it settled: the media, and the peer's transport parameters for ICE and DTLS. All media
 * share one transport (BUNDLE), so there is one set of remote ICE and DTLS parameters.
 *
 * @param answer            the answer to send back (WHIP 201 body, KVS SDP_ANSWER)
 * @param media             accepted sections, in m-line order
 * @param remoteIceUfrag    the peer's ICE username fragment
 * @param remoteIcePwd      the peer's ICE password
 * @param remoteFingerprint what the peer's DTLS certificate must hash to
 * @param remoteCandidates  candidates in the offer (more may trickle in)
 * @param dtlsServer        true when the answer says {@code setup:passive}: the peer opens DTLS
 */
public record AnswerResult(SessionDescription answer, List<NegotiatedMedia> media, String remoteIceUfrag,
                           String remoteIcePwd, Fingerprint remoteFingerprint, List<Candidate> remoteCandidates,
                           boolean dtlsServer) {

    public AnswerResult {
        Objects.requireNonNull(answer, "answer");
        media = List.copyOf(media);
        Objects.requireNonNull(remoteIceUfrag, "remoteIceUfrag");
        Objects.requireNonNull(remoteIcePwd, "remoteIcePwd");
        Objects.requireNonNull(remoteFingerprint, "remoteFingerprint");
        remoteCandidates = List.copyOf(remoteCandidates);
    }
}
