package dev.freshet.webrtc.sdp;

import java.util.List;
import java.util.Objects;

/**
 * The codec chosen for a media section: its payload type, parameters and feedback, and the RTX payload type
 * that retransmits it (RFC 4588), all as numbers the peer's RTP will carry.
 *
 * @param codec          the chosen {@code a=rtpmap}
 * @param parameters     its {@code a=fmtp} as answered (empty parameters when none)
 * @param feedback       the RTCP feedback answered for it, with its own payload type
 * @param rtxPayloadType the RTX payload type whose {@code apt} is the codec, -1 when none
 */
public record CodecChoice(RtpMap codec, Fmtp parameters, List<RtcpFeedback> feedback, int rtxPayloadType) {

    public CodecChoice {
        Objects.requireNonNull(codec, "codec");
        Objects.requireNonNull(parameters, "parameters");
        feedback = List.copyOf(feedback);
    }

    public int payloadType() {
        return codec.payloadType();
    }

    public boolean hasRtx() {
        return rtxPayloadType >= 0;
    }

    /** Whether the answer asked for {@code type parameter} feedback, e.g. {@code nack pli}. */
    public boolean hasFeedback(String type, String parameter) {
        return feedback.stream().anyMatch(f -> f.type().equals(type) && f.parameter().equals(parameter));
    }
}
