package dev.freshet.webrtc.session;

import dev.freshet.fragments.media.MediaKind;

/**
 * How one negotiated incoming medium is recognised and received: its payload types, its SSRCs
 * when the offer named them (0 when not: the first packet of the payload type names it), and the
 * track number its frames get.
 *
 * @param rtxPayloadType -1 without RTX
 */
public record MediaRoute(MediaKind kind, int payloadType, int rtxPayloadType, long ssrc, long rtxSsrc, int track) {
}
