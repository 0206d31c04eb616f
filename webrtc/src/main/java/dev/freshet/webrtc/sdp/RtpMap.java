package dev.freshet.webrtc.sdp;

import java.util.Objects;

import static dev.freshet.webrtc.sdp.SdpValues.fields;
import static dev.freshet.webrtc.sdp.SdpValues.malformed;
import static dev.freshet.webrtc.sdp.SdpValues.parseInt;
import static dev.freshet.webrtc.sdp.SdpValues.quote;

/**
 * {@code a=rtpmap:<payload type> <encoding name>/<clock rate>[/<channels>]} (RFC 8866 section 6.6).
 *
 * @param payloadType  0..127
 * @param encodingName as written ({@code H264}, {@code opus}, {@code rtx}); compare ignoring case
 * @param clockRate    RTP clock in Hz
 * @param channels     audio channels, 0 when not written
 */
public record RtpMap(int payloadType, String encodingName, int clockRate, int channels) {

    public RtpMap {
        Objects.requireNonNull(encodingName, "encodingName");
    }

    /** Whether this is {@code name/clockRate}, name compared ignoring case (peers write {@code OPUS}, {@code h264}). */
    public boolean is(String name, int rate) {
        return encodingName.equalsIgnoreCase(name) && clockRate == rate;
    }

    static RtpMap parse(String value) {
        String[] f = fields(value);
        if (f.length != 2) {
            throw malformed(SdpMalformed.BAD_ATTRIBUTE, "rtpmap needs 'pt name/rate[/channels]': " + quote(value));
        }
        int pt = parseInt(f[0], 0, 127, SdpMalformed.BAD_ATTRIBUTE, "rtpmap payload type");
        String[] enc = f[1].split("/", -1);
        if (enc.length < 2 || enc.length > 3 || enc[0].isEmpty()) {
            throw malformed(SdpMalformed.BAD_ATTRIBUTE, "rtpmap encoding is not name/rate[/channels]: " + quote(value));
        }
        int rate = parseInt(enc[1], 1, Integer.MAX_VALUE, SdpMalformed.BAD_ATTRIBUTE, "rtpmap clock rate");
        int channels = enc.length == 3 ? parseInt(enc[2], 1, 255, SdpMalformed.BAD_ATTRIBUTE, "rtpmap channels") : 0;
        return new RtpMap(pt, enc[0], rate, channels);
    }

    String format() {
        return payloadType + " " + encodingName + "/" + clockRate + (channels > 0 ? "/" + channels : "");
    }
}
