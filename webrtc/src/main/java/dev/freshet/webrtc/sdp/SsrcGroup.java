package dev.freshet.webrtc.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static dev.freshet.webrtc.sdp.SdpValues.fields;
import static dev.freshet.webrtc.sdp.SdpValues.malformed;
import static dev.freshet.webrtc.sdp.SdpValues.parseLong;
import static dev.freshet.webrtc.sdp.SdpValues.quote;

/**
 * {@code a=ssrc-group:<semantics> <ssrc>...} (RFC 5576 section 4.2). {@code FID} pairs a media SSRC with its
 * RTX SSRC (RFC 4588), in that order; {@code SIM} lists simulcast layers.
 *
 * @param semantics e.g. {@code FID}
 * @param ssrcs     at least one
 */
public record SsrcGroup(String semantics, List<Long> ssrcs) {

    public SsrcGroup {
        Objects.requireNonNull(semantics, "semantics");
        ssrcs = List.copyOf(ssrcs);
    }

    static SsrcGroup parse(String value) {
        String[] f = fields(value);
        if (f.length < 2) {
            throw malformed(SdpMalformed.BAD_ATTRIBUTE, "ssrc-group needs 'semantics ssrc...': " + quote(value));
        }
        List<Long> ssrcs = new ArrayList<>();
        for (int i = 1; i < f.length; i++) {
            ssrcs.add(parseLong(f[i], 0, 0xFFFF_FFFFL, SdpMalformed.BAD_ATTRIBUTE, "ssrc-group ssrc"));
        }
        return new SsrcGroup(f[0], ssrcs);
    }

    String format() {
        StringBuilder sb = new StringBuilder(semantics);
        ssrcs.forEach(s -> sb.append(' ').append(s));
        return sb.toString();
    }
}
