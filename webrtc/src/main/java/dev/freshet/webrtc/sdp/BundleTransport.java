package dev.freshet.webrtc.sdp;

import static dev.freshet.webrtc.sdp.SdpValues.malformed;

/**
 * The one transport every accepted media section must share with Freshet, whichever side wrote
 * the description (an offer to answer, an answer to Freshet's offer): the section is in the BUNDLE
 * group (RFC 8843), multiplexes RTCP (RFC 8035), and has a DTLS fingerprint and ICE credentials at
 * media or session level. Stateless.
 */
final class BundleTransport {

    private BundleTransport() {
    }

    /** @throws dev.freshet.webrtc.MalformedInputException with a {@link NegotiationFailure} reason */
    static void check(SessionDescription sdp, MediaDescription m) {
        if (m.mid().isEmpty() || !sdp.bundle().contains(m.mid())) {
            throw malformed(NegotiationFailure.NO_BUNDLE, "the " + m.kind().token() + " section (mid "
                + SdpValues.quote(m.mid()) + ") is not in a BUNDLE group: the server has one transport");
        }
        if (!m.rtcpMux()) {
            throw malformed(NegotiationFailure.NO_RTCP_MUX, "mid " + SdpValues.quote(m.mid())
                + " lacks a=rtcp-mux: the server has no separate RTCP port");
        }
        TransportAttributes t = sdp.transport(m);
        if (t.fingerprint().isEmpty()) {
            throw malformed(NegotiationFailure.MISSING_FINGERPRINT, "mid " + SdpValues.quote(m.mid())
                + " has no a=fingerprint at media or session level");
        }
        if (t.iceUfrag().isEmpty() || t.icePwd().isEmpty()) {
            throw malformed(NegotiationFailure.MISSING_ICE_CREDENTIALS, "mid " + SdpValues.quote(m.mid())
                + " lacks a=ice-ufrag or a=ice-pwd");
        }
    }
}
