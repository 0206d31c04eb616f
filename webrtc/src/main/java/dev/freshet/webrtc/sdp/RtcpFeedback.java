package dev.freshet.webrtc.sdp;

import java.util.Objects;

import static dev.freshet.webrtc.sdp.SdpValues.fields;
import static dev.freshet.webrtc.sdp.SdpValues.malformed;
import static dev.freshet.webrtc.sdp.SdpValues.parseInt;
import static dev.freshet.webrtc.sdp.SdpValues.quote;

/**
 * {@code a=rtcp-fb:<payload type|*> <type>[ <parameter>]} (RFC 4585 section 4.2): {@code nack}, {@code nack pli},
 * {@code ccm fir}, {@code goog-remb}, {@code transport-cc}.
 *
 * @param payloadType 0..127, or {@link #ANY_PAYLOAD_TYPE} for {@code *}
 * @param type        feedback type, e.g. {@code nack}
 * @param parameter   e.g. {@code pli}, empty when absent
 */
public record RtcpFeedback(int payloadType, String type, String parameter) {

    /** The {@code *} payload type: applies to every format of the section. */
    public static final int ANY_PAYLOAD_TYPE = -1;

    public RtcpFeedback {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(parameter, "parameter");
    }

    /** Whether it applies to {@code pt} and is {@code type parameter}. */
    public boolean is(int pt, String feedbackType, String feedbackParameter) {
        return (payloadType == pt || payloadType == ANY_PAYLOAD_TYPE) && type.equals(feedbackType)
            && parameter.equals(feedbackParameter);
    }

    static RtcpFeedback parse(String value) {
        String[] f = fields(value, 3);
        if (f.length < 2) {
            throw malformed(SdpMalformed.BAD_ATTRIBUTE, "rtcp-fb needs 'pt type [param]': " + quote(value));
        }
        int pt = f[0].equals("*") ? ANY_PAYLOAD_TYPE
            : parseInt(f[0], 0, 127, SdpMalformed.BAD_ATTRIBUTE, "rtcp-fb payload type");
        return new RtcpFeedback(pt, f[1], f.length == 3 ? f[2] : "");
    }

    String format() {
        String pt = payloadType == ANY_PAYLOAD_TYPE ? "*" : Integer.toString(payloadType);
        return pt + " " + type + (parameter.isEmpty() ? "" : " " + parameter);
    }
}
