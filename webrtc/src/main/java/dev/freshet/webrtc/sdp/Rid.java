package dev.freshet.webrtc.sdp;

import java.util.Objects;

import static dev.freshet.webrtc.sdp.SdpValues.fields;
import static dev.freshet.webrtc.sdp.SdpValues.malformed;
import static dev.freshet.webrtc.sdp.SdpValues.quote;

/**
 * {@code a=rid:<id> <send|recv>[ <restrictions>]} (RFC 8851 section 10): one simulcast layer. Parsed so an
 * offer using it can be recognised; Freshet does not answer simulcast, so the peer falls back to one layer.
 *
 * @param id           the RTP stream id
 * @param direction    {@code send} or {@code recv}
 * @param restrictions e.g. {@code max-width=1280}, empty when absent
 */
public record Rid(String id, String direction, String restrictions) {

    public Rid {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(restrictions, "restrictions");
    }

    static Rid parse(String value) {
        String[] f = fields(value, 3);
        if (f.length < 2 || !(f[1].equals("send") || f[1].equals("recv"))) {
            throw malformed(SdpMalformed.BAD_ATTRIBUTE, "rid needs 'id send|recv [restrictions]': " + quote(value));
        }
        return new Rid(f[0], f[1], f.length == 3 ? f[2] : "");
    }

    String format() {
        return id + " " + direction + (restrictions.isEmpty() ? "" : " " + restrictions);
    }
}
