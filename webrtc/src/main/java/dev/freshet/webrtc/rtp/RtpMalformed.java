package dev.freshet.webrtc.rtp;

import dev.freshet.webrtc.MalformedInputException;

/** Why an RTP packet was refused; the ids are stable names for counters. */
public enum RtpMalformed implements MalformedInputException.Reason {
    /** Fewer than the 12 fixed header bytes. */
    TRUNCATED_HEADER("rtp.truncated-header"),
    /** The version field is not 2. */
    BAD_VERSION("rtp.bad-version"),
    /** The CSRC count names more identifiers than the packet holds. */
    TRUNCATED_CSRC("rtp.truncated-csrc"),
    /** The X bit is set but the extension header or its declared length does not fit. */
    TRUNCATED_EXTENSION("rtp.truncated-extension"),
    /** An RFC 8285 element's length runs past the end of the extension block. */
    TRUNCATED_EXTENSION_ELEMENT("rtp.truncated-extension-element"),
    /** The P bit is set but the padding count is 0 or larger than what follows the header. */
    BAD_PADDING("rtp.bad-padding");

    private final String id;

    RtpMalformed(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }
}
