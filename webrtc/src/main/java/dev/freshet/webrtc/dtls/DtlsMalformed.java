package dev.freshet.webrtc.dtls;

import dev.freshet.webrtc.MalformedInputException;

/**
 * Why a DTLS-related value from a peer (so far: the SDP fingerprint) was refused.
 *
 * <p>Immutable.
 */
public enum DtlsMalformed implements MalformedInputException.Reason {
    /** Not "hash-func SP hex:hex:..." (RFC 8122 §5). */
    FINGERPRINT_SYNTAX("dtls.fingerprint-syntax"),
    /** A hash function we do not accept (md2/md5 are forbidden by RFC 8122 §5, others unknown). */
    FINGERPRINT_HASH("dtls.fingerprint-hash"),
    /** The number of bytes does not match the hash function's output length. */
    FINGERPRINT_LENGTH("dtls.fingerprint-length");

    private final String id;

    DtlsMalformed(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }
}
