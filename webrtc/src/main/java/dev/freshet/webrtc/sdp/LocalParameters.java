package dev.freshet.webrtc.sdp;

import java.util.List;
import java.util.Objects;

/**
 * What the server brings to an answer: its ICE credentials and candidates (the one UDP port), the SHA-256
 * fingerprint of its DTLS certificate, and whether it receives (WHIP, KVS ingest) or sends (WHEP).
 *
 * @param iceUfrag    local ICE username fragment, 4..256 ice-chars (RFC 8839 section 5.4)
 * @param icePwd      local ICE password, 22..256 ice-chars
 * @param fingerprint local certificate fingerprint
 * @param candidates  local candidates, all known up front (ICE lite)
 * @param role        receive or send media
 * @param sessionId   the {@code o=} session id
 * @param cname       RTCP CNAME of the streams sent, used when sending
 * @param audioSsrc   SSRC of the audio sent, used when sending
 * @param videoSsrc   SSRC of the video sent, used when sending
 */
public record LocalParameters(String iceUfrag, String icePwd, Fingerprint fingerprint, List<Candidate> candidates,
                              Role role, long sessionId, String cname, long audioSsrc, long videoSsrc) {

    /** Which way media flows, seen from the server. */
    public enum Role { RECEIVE, SEND }

    public LocalParameters {
        Objects.requireNonNull(iceUfrag, "iceUfrag");
        Objects.requireNonNull(icePwd, "icePwd");
        Objects.requireNonNull(fingerprint, "fingerprint");
        candidates = List.copyOf(candidates);
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(cname, "cname");
    }

    /** For a publisher's offer (WHIP, KVS): the server only receives. */
    public static LocalParameters receiving(String iceUfrag, String icePwd, Fingerprint fingerprint,
                                            List<Candidate> candidates, long sessionId) {
        return new LocalParameters(iceUfrag, icePwd, fingerprint, candidates, Role.RECEIVE, sessionId, "", 0, 0);
    }

    /** For a viewer's offer (WHEP): the server only sends, with these SSRCs. */
    public static LocalParameters sending(String iceUfrag, String icePwd, Fingerprint fingerprint,
                                          List<Candidate> candidates, long sessionId, String cname,
                                          long audioSsrc, long videoSsrc) {
        return new LocalParameters(iceUfrag, icePwd, fingerprint, candidates, Role.SEND, sessionId, cname,
            audioSsrc, videoSsrc);
    }
}
