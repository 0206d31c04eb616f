package dev.freshet.webrtc.sdp;

import java.util.List;
import java.util.Objects;

/**
 * One media section, from its {@code m=} line to the next (RFC 8866 section 5.14):
 * <pre>
 *   m=&lt;media&gt; &lt;port&gt; &lt;proto&gt; &lt;fmt&gt; ...
 *   c=, then a= lines
 * </pre>
 * Port 0 marks a rejected section (RFC 3264 section 6). Immutable.
 *
 * @param kind            audio, video or application
 * @param port            0..65535; 9 (discard) in WebRTC, where candidates carry the real address
 * @param protocol        e.g. {@code UDP/TLS/RTP/SAVPF}
 * @param formats         the formats: payload type numbers for RTP, e.g. {@code webrtc-datachannel} for SCTP
 * @param connection      the {@code c=} value, empty when absent
 * @param mid             {@code a=mid} (RFC 8843), empty when absent
 * @param direction       the direction attribute, or the session's, or sendrecv
 * @param rtcpMux         {@code a=rtcp-mux} (RFC 8035)
 * @param rtcpReducedSize {@code a=rtcp-rsize} (RFC 5506)
 * @param transport       the section's own ICE and DTLS attributes (see {@link SessionDescription#transport(MediaDescription)})
 * @param candidates      {@code a=candidate} lines
 * @param endOfCandidates {@code a=end-of-candidates}
 * @param rtp             rtpmap, fmtp, rtcp-fb and extmap lines
 * @param sources         ssrc, ssrc-group, msid, rid and simulcast lines
 * @param otherAttributes attributes this package does not interpret, in order
 */
public record MediaDescription(MediaKind kind, int port, String protocol, List<String> formats, String connection,
                               String mid, Direction direction, boolean rtcpMux, boolean rtcpReducedSize,
                               TransportAttributes transport, List<Candidate> candidates, boolean endOfCandidates,
                               RtpParameters rtp, MediaSources sources, List<Attribute> otherAttributes) {

    public MediaDescription {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(protocol, "protocol");
        formats = List.copyOf(formats);
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(mid, "mid");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(transport, "transport");
        candidates = List.copyOf(candidates);
        Objects.requireNonNull(rtp, "rtp");
        Objects.requireNonNull(sources, "sources");
        otherAttributes = List.copyOf(otherAttributes);
    }

    /** Whether the protocol carries RTP, so that the formats are payload types. */
    public boolean isRtp() {
        return isRtp(protocol);
    }

    /** The formats as payload types; empty for a non-RTP section. */
    public List<Integer> payloadTypes() {
        return isRtp() ? formats.stream().map(Integer::valueOf).toList() : List.of();
    }

    static boolean isRtp(String protocol) {
        return protocol.contains("RTP/");
    }
}
