package dev.freshet.webrtc.sdp;

import java.util.Objects;

import static dev.freshet.webrtc.sdp.SdpValues.fields;
import static dev.freshet.webrtc.sdp.SdpValues.malformed;
import static dev.freshet.webrtc.sdp.SdpValues.parseLong;
import static dev.freshet.webrtc.sdp.SdpValues.quote;

/**
 * {@code a=ssrc:<ssrc> <attribute>[:<value>]} (RFC 5576 section 4.1), e.g. {@code 1234 cname:abc} or
 * {@code 1234 msid:stream track}.
 *
 * @param ssrc      0..2^32-1
 * @param attribute {@code cname}, {@code msid}, {@code mslabel}, {@code label}...
 * @param value     text after the first colon, empty when absent
 */
public record SsrcAttribute(long ssrc, String attribute, String value) {

    public SsrcAttribute {
        Objects.requireNonNull(attribute, "attribute");
        Objects.requireNonNull(value, "value");
    }

    static SsrcAttribute parse(String value) {
        String[] f = fields(value, 2);
        if (f.length < 2) {
            throw malformed(SdpMalformed.BAD_ATTRIBUTE, "ssrc needs 'ssrc attribute[:value]': " + quote(value));
        }
        long ssrc = parseLong(f[0], 0, 0xFFFF_FFFFL, SdpMalformed.BAD_ATTRIBUTE, "ssrc");
        int colon = f[1].indexOf(':');
        return colon < 0 ? new SsrcAttribute(ssrc, f[1].strip(), "")
            : new SsrcAttribute(ssrc, f[1].substring(0, colon), f[1].substring(colon + 1));
    }

    String format() {
        return ssrc + " " + attribute + (value.isEmpty() ? "" : ":" + value);
    }
}
