package dev.freshet.webrtc.session;

import dev.freshet.fragments.media.MediaKind;
import dev.freshet.webrtc.receive.NegotiatedFeedback;

import java.util.Objects;

/**
 * How one negotiated incoming medium is recognised and received: its payload types, its SSRCs
 * when the offer named them (0 when not: the first packet of the payload type names it), the
 * track number its frames get, and the feedback its sender agreed to.
 *
 * @param rtxPayloadType -1 without RTX
 */
public record MediaRoute(MediaKind kind, int payloadType, int rtxPayloadType, long ssrc, long rtxSsrc, int track,
                         NegotiatedFeedback feedback) {

    public MediaRoute {
        Objects.requireNonNull(feedback, "feedback");
    }

    /** A route whose sender agreed to NACK, PLI and FIR, as browsers do. */
    public MediaRoute(MediaKind kind, int payloadType, int rtxPayloadType, long ssrc, long rtxSsrc, int track) {
        this(kind, payloadType, rtxPayloadType, ssrc, rtxSsrc, track, NegotiatedFeedback.ALL);
    }
}
