package dev.freshet.webrtc.sdp;

import java.util.List;
import java.util.function.Function;

/**
 * Writes a {@link SessionDescription} as SDP text with CRLF line ends (RFC 8866 section 5). Each modelled
 * attribute comes before the unknown ones, each list in its order, so that parsing the text gives back an
 * equal value. Stateless.
 */
final class SdpWriter {

    private final StringBuilder out = new StringBuilder(2048);

    private SdpWriter() {
    }

    static String write(SessionDescription sdp) {
        SdpWriter w = new SdpWriter();
        w.session(sdp);
        sdp.media().forEach(w::media);
        return w.out.toString();
    }

    private void session(SessionDescription sdp) {
        line("v=0");
        line("o=" + sdp.origin().format());
        line("s=" + sdp.sessionName());
        if (!sdp.connection().isEmpty()) {
            line("c=" + sdp.connection());
        }
        line("t=" + sdp.timing());
        if (!sdp.bundle().isEmpty()) {
            line("a=group:BUNDLE " + String.join(" ", sdp.bundle()));
        }
        flag(sdp.iceLite(), "ice-lite");
        transport(sdp.transport());
        flag(sdp.extmapAllowMixed(), "extmap-allow-mixed");
        text("msid-semantic", sdp.msidSemantic());
        all(sdp.otherAttributes(), a -> "a=" + a.format());
    }

    private void media(MediaDescription m) {
        line("m=" + m.kind().token() + " " + m.port() + " " + m.protocol() + " " + String.join(" ", m.formats()));
        if (!m.connection().isEmpty()) {
            line("c=" + m.connection());
        }
        transport(m.transport());
        text("mid", m.mid());
        all(m.rtp().extmaps(), e -> "a=extmap:" + e.format());
        line("a=" + m.direction().token());
        text("msid", m.sources().msid());
        flag(m.rtcpMux(), "rtcp-mux");
        flag(m.rtcpReducedSize(), "rtcp-rsize");
        all(m.rtp().rtpMaps(), r -> "a=rtpmap:" + r.format());
        all(m.rtp().feedback(), f -> "a=rtcp-fb:" + f.format());
        all(m.rtp().fmtps(), f -> "a=fmtp:" + f.format());
        all(m.sources().rids(), r -> "a=rid:" + r.format());
        text("simulcast", m.sources().simulcast());
        all(m.sources().ssrcGroups(), g -> "a=ssrc-group:" + g.format());
        all(m.sources().ssrcs(), s -> "a=ssrc:" + s.format());
        all(m.candidates(), c -> "a=candidate:" + c.format());
        flag(m.endOfCandidates(), "end-of-candidates");
        all(m.otherAttributes(), a -> "a=" + a.format());
    }

    private void transport(TransportAttributes t) {
        text("ice-ufrag", t.iceUfrag());
        text("ice-pwd", t.icePwd());
        if (!t.iceOptions().isEmpty()) {
            line("a=ice-options:" + String.join(" ", t.iceOptions()));
        }
        t.fingerprint().ifPresent(f -> line("a=fingerprint:" + f.format()));
        t.setup().ifPresent(s -> line("a=setup:" + s.token()));
    }

    private void text(String name, String value) {
        if (!value.isEmpty()) {
            line("a=" + name + ":" + value);
        }
    }

    private void flag(boolean present, String name) {
        if (present) {
            line("a=" + name);
        }
    }

    private <T> void all(List<T> items, Function<T, String> format) {
        items.forEach(item -> line(format.apply(item)));
    }

    private void line(String text) {
        out.append(text).append("\r\n");
    }
}
