package dev.freshet.webrtc.sdp;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The RTP payload attributes of a media section, each list in the order the peer wrote it.
 *
 * @param rtpMaps  {@code a=rtpmap}
 * @param fmtps    {@code a=fmtp}
 * @param feedback {@code a=rtcp-fb}
 * @param extmaps  {@code a=extmap}
 */
public record RtpParameters(List<RtpMap> rtpMaps, List<Fmtp> fmtps, List<RtcpFeedback> feedback,
                            List<Extmap> extmaps) {

    public static final RtpParameters NONE = new RtpParameters(List.of(), List.of(), List.of(), List.of());

    public RtpParameters {
        rtpMaps = List.copyOf(rtpMaps);
        fmtps = List.copyOf(fmtps);
        feedback = List.copyOf(feedback);
        extmaps = List.copyOf(extmaps);
    }

    public Optional<RtpMap> rtpMap(int payloadType) {
        return rtpMaps.stream().filter(m -> m.payloadType() == payloadType).findFirst();
    }

    /** The format parameters of {@code payloadType}, empty when it has no {@code a=fmtp}. */
    public Fmtp fmtp(int payloadType) {
        return fmtps.stream().filter(f -> f.payloadType() == payloadType).findFirst()
            .orElse(new Fmtp(payloadType, Map.of()));
    }

    /** The feedback that applies to {@code payloadType}, including {@code *} lines. */
    public List<RtcpFeedback> feedback(int payloadType) {
        return feedback.stream().filter(f -> f.payloadType() == payloadType
            || f.payloadType() == RtcpFeedback.ANY_PAYLOAD_TYPE).toList();
    }

    public Optional<Extmap> extmap(String uri) {
        return extmaps.stream().filter(e -> e.uri().equals(uri)).findFirst();
    }
}
