package dev.freshet.webrtc.sdp;

import java.util.List;
import java.util.Objects;

/**
 * An SDP session description (RFC 8866) as WebRTC peers write it: an offer from a browser, GStreamer
 * webrtcbin or a KVS SDK, or an answer Freshet writes.
 * <pre>
 *   v=0
 *   o=- 4611731400430051336 2 IN IP4 127.0.0.1
 *   s=-
 *   t=0 0
 *   a=group:BUNDLE 0 1           session attributes
 *   m=audio 9 UDP/TLS/RTP/SAVPF 111 ...   one media section per m= line
 *   ...
 * </pre>
 * {@link #parse(String)} accepts CRLF or LF line ends and keeps unknown attributes; {@link #format()} writes
 * CRLF text that parses back to an equal value. A session-level direction is folded into each media section;
 * other session-level lines than those modelled here ({@code i= u= e= p= b= r= z= k=}) are dropped.
 *
 * <p>Immutable.
 *
 * @param origin           the {@code o=} line
 * @param sessionName      the {@code s=} value, {@code -} in WebRTC
 * @param timing           the first {@code t=} value, {@code 0 0} in WebRTC
 * @param connection       session-level {@code c=} value, empty when absent
 * @param transport        session-level ICE and DTLS attributes
 * @param iceLite          {@code a=ice-lite} (RFC 8839 section 5.3)
 * @param bundle           mids of {@code a=group:BUNDLE} (RFC 8843), the first being the BUNDLE-tag; empty when absent
 * @param extmapAllowMixed {@code a=extmap-allow-mixed} (RFC 8285 section 6)
 * @param msidSemantic     {@code a=msid-semantic} value, e.g. {@code WMS *}, empty when absent
 * @param otherAttributes  session attributes this package does not interpret, in order
 * @param media            the media sections in order; their index is the mline index
 */
public record SessionDescription(Origin origin, String sessionName, String timing, String connection,
                                 TransportAttributes transport, boolean iceLite, List<String> bundle,
                                 boolean extmapAllowMixed, String msidSemantic, List<Attribute> otherAttributes,
                                 List<MediaDescription> media) {

    public SessionDescription {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(sessionName, "sessionName");
        Objects.requireNonNull(timing, "timing");
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(transport, "transport");
        bundle = List.copyOf(bundle);
        Objects.requireNonNull(msidSemantic, "msidSemantic");
        otherAttributes = List.copyOf(otherAttributes);
        media = List.copyOf(media);
    }

    /**
     * Parses SDP text from a peer.
     *
     * @throws dev.freshet.webrtc.MalformedInputException with an {@link SdpMalformed} reason
     */
    public static SessionDescription parse(String text) {
        return new SdpParser().parse(text);
    }

    /** The SDP text, CRLF line ends. */
    public String format() {
        return SdpWriter.write(this);
    }

    /** The ICE and DTLS attributes that apply to {@code section}: its own, else the session's. */
    public TransportAttributes transport(MediaDescription section) {
        return section.transport().orElse(transport);
    }
}
