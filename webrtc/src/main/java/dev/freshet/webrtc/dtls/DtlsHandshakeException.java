package dev.freshet.webrtc.dtls;

import java.io.IOException;

/**
 * A DTLS handshake that did not produce SRTP keys, with a reason callers can count and log
 * without parsing messages.
 *
 * <p>Immutable.
 */
public final class DtlsHandshakeException extends IOException {

    /** Why the handshake failed. */
    public enum Failure {
        /** The peer's certificate does not hash to the fingerprint in its SDP. */
        FINGERPRINT_MISMATCH,
        /** The peer sent no certificate, although WebRTC authenticates both ends. */
        NO_PEER_CERTIFICATE,
        /** No SRTP protection profile both ends support, or the peer did not negotiate use_srtp. */
        NO_COMMON_SRTP_PROFILE,
        /** No completed handshake within the configured time. */
        TIMEOUT,
        /** The peer aborted with a fatal alert (e.g. it rejected our fingerprint). */
        PEER_ALERT,
        /** Anything else: unexpected messages, transport closed, crypto errors. */
        PROTOCOL
    }

    private final Failure failure;

    DtlsHandshakeException(Failure failure, String detail, Throwable cause) {
        super(failure + ": " + detail, cause);
        this.failure = failure;
    }

    public Failure failure() {
        return failure;
    }
}
