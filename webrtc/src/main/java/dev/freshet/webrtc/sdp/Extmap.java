package dev.freshet.webrtc.sdp;

import java.util.Objects;
import java.util.Optional;

import static dev.freshet.webrtc.sdp.SdpValues.fields;
import static dev.freshet.webrtc.sdp.SdpValues.malformed;
import static dev.freshet.webrtc.sdp.SdpValues.parseInt;
import static dev.freshet.webrtc.sdp.SdpValues.quote;

/**
 * {@code a=extmap:<id>[/<direction>] <uri>[ <attributes>]} (RFC 8285 section 5): which RTP header extension an
 * id carries.
 *
 * @param id         1..14 for one-byte headers, up to 255 for two-byte, 4096..4351 in offers (RFC 8285 section 6)
 * @param direction  empty when not written
 * @param uri        e.g. {@code urn:ietf:params:rtp-hdrext:sdes:mid}
 * @param attributes extension attributes, empty when absent
 */
public record Extmap(int id, Optional<Direction> direction, String uri, String attributes) {

    /** RTP header extension URIs Freshet understands. */
    public static final String ABS_SEND_TIME = "http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time";
    public static final String TRANSPORT_WIDE_CC =
        "http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01";
    public static final String SDES_MID = "urn:ietf:params:rtp-hdrext:sdes:mid";

    public Extmap {
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(attributes, "attributes");
    }

    static Extmap parse(String value) {
        String[] f = fields(value, 3);
        if (f.length < 2) {
            throw malformed(SdpMalformed.BAD_ATTRIBUTE, "extmap needs 'id[/direction] uri': " + quote(value));
        }
        int slash = f[0].indexOf('/');
        String idText = slash < 0 ? f[0] : f[0].substring(0, slash);
        Optional<Direction> direction = Optional.empty();
        if (slash >= 0) {
            direction = Optional.of(Direction.fromToken(f[0].substring(slash + 1)).orElseThrow(
                () -> malformed(SdpMalformed.BAD_ATTRIBUTE, "extmap direction " + quote(f[0]))));
        }
        int id = parseInt(idText, 1, 4351, SdpMalformed.BAD_ATTRIBUTE, "extmap id");
        return new Extmap(id, direction, f[1], f.length == 3 ? f[2] : "");
    }

    String format() {
        return id + direction.map(d -> "/" + d.token()).orElse("") + " " + uri
            + (attributes.isEmpty() ? "" : " " + attributes);
    }
}
