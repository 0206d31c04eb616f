package dev.freshet.webrtc.sdp;

import java.util.List;
import java.util.Objects;

/**
 * An answer and what it settled: the media, and the peer's transport parameters for ICE and DTLS. The answer is
 * Freshet's to a peer's offer ({@link AnswerBuilder}) or a peer's to Freshet's offer ({@link AnswerReader}). All media
 * share one transport (BUNDLE), so there is one set of remote ICE and DTLS parameters.
 *
 * @param answer            the answer: Freshet's to send back (WHIP 201 body), or the peer's (storage sessions)
 * @param media             accepted sections, in m-line order
 * @param remoteIceUfrag    the peer's ICE username fragment
 * @param remoteIcePwd      the peer's ICE password
 * @param remoteFingerprint what the peer's DTLS certificate must hash to
 * @param remoteCandidates  candidates in the peer's description (more may trickle in)
 * @param dtlsServer        true when Freshet is the DTLS server, the peer opening DTLS: Freshet's answer says
 *                          {@code setup:passive}, or the peer's answer says {@code setup:active}
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
