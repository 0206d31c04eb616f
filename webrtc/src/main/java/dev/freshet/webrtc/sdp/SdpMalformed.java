package dev.freshet.webrtc.sdp;

import dev.freshet.webrtc.MalformedInputException;

/**
 * Why SDP text was refused by {@link SessionDescription#parse(String)}: the line grammar or the structure of
 * RFC 8866 section 5 is broken, or an attribute this package interprets has a value its RFC does not allow.
 * Unknown attributes are never a reason: they are kept as {@link Attribute}s.
 */
public enum SdpMalformed implements MalformedInputException.Reason {
    /** The text is longer than {@link SdpParser#MAX_CHARS}; no peer needs that much. */
    TOO_LARGE("sdp.too-large"),
    /** A line is not {@code <letter>=<value>}. */
    BAD_LINE("sdp.bad-line"),
    /** A line type letter that RFC 8866 does not define (section 5: parsers must reject those). */
    UNKNOWN_LINE_TYPE("sdp.unknown-line-type"),
    /** The first line is not {@code v=0}. */
    MISSING_VERSION("sdp.missing-version"),
    /** The second line is not a six-field {@code o=} line. */
    MISSING_ORIGIN("sdp.missing-origin"),
    /** The third line is not {@code s=}. */
    MISSING_SESSION_NAME("sdp.missing-session-name"),
    /** No {@code t=} line before the first media section. */
    MISSING_TIMING("sdp.missing-timing"),
    /** A line that is valid only at session level appears inside a media section, or v/o/s repeat. */
    MISPLACED_LINE("sdp.misplaced-line"),
    /** An {@code m=} line with too few fields, a bad port or a non-numeric RTP payload type. */
    BAD_MEDIA_LINE("sdp.bad-media-line"),
    /** An {@code m=} line whose media is not audio, video or application. */
    UNKNOWN_MEDIA_KIND("sdp.unknown-media-kind"),
    /** A known attribute (rtpmap, fmtp, rtcp-fb, extmap, ssrc, ssrc-group, rid, setup...) with a bad value. */
    BAD_ATTRIBUTE("sdp.bad-attribute"),
    /** An {@code a=candidate} that does not follow RFC 8839 section 5.1. */
    BAD_CANDIDATE("sdp.bad-candidate"),
    /** An {@code a=fingerprint} that is not {@code <hash> <hex pairs joined by colons>} of the hash's length. */
    BAD_FINGERPRINT("sdp.bad-fingerprint");

    private final String id;

    SdpMalformed(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }
}
