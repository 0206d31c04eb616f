package dev.freshet.webrtc.srtp;

import dev.freshet.webrtc.MalformedInputException;

/**
 * Why an SRTP or SRTCP packet could not even be parsed far enough to authenticate it. Unprotect
 * reports these in {@link UnprotectResult}; protect (our own packets) throws them in a
 * {@link MalformedInputException}.
 *
 * <p>Immutable.
 */
public enum SrtpMalformed implements MalformedInputException.Reason {
    /** Fewer bytes than the fixed RTP/RTCP header plus the authentication tag and trailer. */
    TRUNCATED("srtp.truncated"),
    /** The version bits are not 2 (RFC 3550 §5.1, §6.4.1). */
    BAD_VERSION("srtp.bad-version"),
    /** The CSRC list or header extension runs past the end of the packet (RFC 3550 §5.3.1). */
    TRUNCATED_HEADER("srtp.truncated-header");

    private final String id;

    SrtpMalformed(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }
}
