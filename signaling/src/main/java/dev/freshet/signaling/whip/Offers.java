package dev.freshet.signaling.whip;

import dev.freshet.webrtc.MalformedInputException;
import dev.freshet.webrtc.dtls.DtlsCertificate;
import dev.freshet.webrtc.dtls.DtlsParameters;
import dev.freshet.webrtc.dtls.DtlsRole;
import dev.freshet.webrtc.dtls.Fingerprint;
import dev.freshet.webrtc.ice.IceSession;
import dev.freshet.webrtc.sdp.AnswerResult;
import dev.freshet.webrtc.sdp.SessionDescription;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * What WHIP and WHEP do alike with an offer: parse it, refuse it with a reason, name the session,
 * turn the answer's DTLS role and the peer's fingerprint into handshake parameters, and wait for
 * ICE.
 *
 * <p>Stateless; thread-safe.
 */
public final class Offers {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Offers() {
    }

    /** @throws WhipException {@link WhipException.Reason#BAD_OFFER} when the SDP does not parse */
    public static SessionDescription parse(String offerSdp) {
        try {
            return SessionDescription.parse(offerSdp);
        } catch (MalformedInputException e) {
            throw badOffer(e);
        }
    }

    public static WhipException badOffer(MalformedInputException e) {
        return new WhipException(WhipException.Reason.BAD_OFFER, e.reason().id(), e.getMessage());
    }

    /** The SDP form of the server certificate's fingerprint. */
    public static dev.freshet.webrtc.sdp.Fingerprint sdpFingerprint(DtlsCertificate certificate) {
        String[] parts = certificate.fingerprint().toSdp().split(" ", 2);
        return new dev.freshet.webrtc.sdp.Fingerprint(parts[0], parts[1]);
    }

    /** The handshake the answer settled: the server's role and the certificate the peer must show. */
    public static DtlsParameters dtls(AnswerResult answer, DtlsCertificate certificate) {
        return DtlsParameters.of(answer.dtlsServer() ? DtlsRole.SERVER : DtlsRole.CLIENT, certificate,
            Fingerprint.parse(answer.remoteFingerprint().algorithm() + " " + answer.remoteFingerprint().hex()));
    }

    /** Runs {@code connected} once ICE connects (the checks were started with the answer), else {@code failed}. */
    public static void whenIceConnects(IceSession ice, Runnable connected, Runnable failed) {
        ice.connected().whenComplete((ok, failure) -> {
            if (failure != null) {
                failed.run();
            } else {
                connected.run();
            }
        });
    }

    /** 32 lower-case hex digits: an unguessable session id. */
    public static String newId() {
        byte[] id = new byte[16];
        RANDOM.nextBytes(id);
        return HexFormat.of().formatHex(id);
    }

    /** A random positive 63-bit number, for the {@code o=} session id. */
    public static long sessionVersion() {
        return RANDOM.nextLong() >>> 1;
    }
}
