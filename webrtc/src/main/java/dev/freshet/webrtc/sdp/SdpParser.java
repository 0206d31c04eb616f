package dev.freshet.webrtc.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.freshet.webrtc.sdp.SdpValues.fields;
import static dev.freshet.webrtc.sdp.SdpValues.malformed;
import static dev.freshet.webrtc.sdp.SdpValues.quote;

/**
 * Parses SDP text into a {@link SessionDescription}, strictly on the structure of RFC 8866 section 5 and
 * tolerantly on attributes:
 * <pre>
 *   session     = v= o= s= [i=] [u=] *e= *p= [c=] *b= 1*( t= *r= ) [z=] [k=] *a=  *media
 *   media       = m= [i=] *c= *b= [k=] *a=
 * </pre>
 * The order of the optional session lines is not enforced (peers get it wrong and it carries no meaning);
 * v, o and s must come first, a t= must precede the first m=, and lines that belong to the session may not
 * appear in a media section. Empty lines are skipped, since some clients end the text with one or two.
 *
 * <p>Not thread-safe: one instance per parse.
 */
final class SdpParser {

    /** Longest text accepted; a Chrome offer with every codec is about 6 KB, KVS caps messages at 10 KB. */
    static final int MAX_CHARS = 64 * 1024;

    private static final String SESSION_ONLY = "vostruezp";
    private static final String MEDIA_OR_SESSION = "icbka";

    private record Line(char type, String value) {
    }

    private Origin origin;
    private String sessionName;
    private String timing;
    private String connection = "";
    private final TransportAttributeParser transport = new TransportAttributeParser();
    private boolean iceLite;
    private List<String> bundle = List.of();
    private boolean extmapAllowMixed;
    private String msidSemantic = "";
    private Optional<Direction> direction = Optional.empty();
    private final List<Attribute> others = new ArrayList<>();
    private final List<MediaSectionParser> media = new ArrayList<>();

    SessionDescription parse(String text) {
        if (text.length() > MAX_CHARS) {
            throw malformed(SdpMalformed.TOO_LARGE, text.length() + " chars, at most " + MAX_CHARS);
        }
        List<Line> lines = lines(text);
        header(lines);
        for (Line line : lines.subList(3, lines.size())) {
            if (line.type == 'm') {
                media.add(new MediaSectionParser(line.value));
            } else if (media.isEmpty()) {
                sessionLine(line);
            } else if (MEDIA_OR_SESSION.indexOf(line.type) >= 0) {
                media.get(media.size() - 1).accept(line.type, line.value);
            } else {
                throw malformed(SdpMalformed.MISPLACED_LINE, line.type + "= inside a media section");
            }
            if (line.type == 'm' && timing == null) {
                throw malformed(SdpMalformed.MISSING_TIMING, "no t= before the first m=");
            }
        }
        if (timing == null) {
            throw malformed(SdpMalformed.MISSING_TIMING, "no t= line");
        }
        return build();
    }

    private static List<Line> lines(String text) {
        List<Line> lines = new ArrayList<>();
        for (String raw : text.split("\n", -1)) {
            String line = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
            if (line.isEmpty()) {
                continue;
            }
            if (line.length() < 2 || line.charAt(1) != '=') {
                throw malformed(SdpMalformed.BAD_LINE, "not <type>=<value>: " + quote(line));
            }
            char type = line.charAt(0);
            if (SESSION_ONLY.indexOf(type) < 0 && MEDIA_OR_SESSION.indexOf(type) < 0 && type != 'm') {
                throw malformed(SdpMalformed.UNKNOWN_LINE_TYPE, quote(line));
            }
            lines.add(new Line(type, line.substring(2)));
        }
        return lines;
    }

    private void header(List<Line> lines) {
        if (lines.isEmpty() || lines.get(0).type != 'v' || !lines.get(0).value.strip().equals("0")) {
            throw malformed(SdpMalformed.MISSING_VERSION, "the first line must be v=0");
        }
        if (lines.size() < 2 || lines.get(1).type != 'o') {
            throw malformed(SdpMalformed.MISSING_ORIGIN, "the second line must be o=");
        }
        origin = Origin.parse(lines.get(1).value);
        if (lines.size() < 3 || lines.get(2).type != 's') {
            throw malformed(SdpMalformed.MISSING_SESSION_NAME, "the third line must be s=");
        }
        sessionName = lines.get(2).value;
    }

    private void sessionLine(Line line) {
        switch (line.type) {
            case 'v', 'o', 's' -> throw malformed(SdpMalformed.MISPLACED_LINE, "a second " + line.type + "= line");
            case 't' -> timing = timing == null ? line.value : timing;
            case 'c' -> connection = line.value;
            case 'a' -> sessionAttribute(line.value);
            default -> {
                // i u e p b r z k: informational or obsolete (RFC 8866), nothing WebRTC acts on
            }
        }
    }

    private void sessionAttribute(String line) {
        Attribute attribute = Attribute.parse(line);
        String name = attribute.name();
        String value = attribute.value();
        if (transport.accept(name, value)) {
            return;
        }
        Optional<Direction> named = Direction.fromToken(name);
        if (named.isPresent()) {
            // folded into the media sections; a repeat has nothing to add
            direction = direction.or(() -> named);
        } else if (name.equals("ice-lite")) {
            iceLite = true;
        } else if (name.equals("extmap-allow-mixed")) {
            extmapAllowMixed = true;
        } else if (name.equals("msid-semantic") && msidSemantic.isEmpty() && !value.isBlank()) {
            // the KVS C SDK writes "msid-semantic: WMS ..." with a space after the colon
            msidSemantic = value.strip();
        } else if (!isFirstBundle(name, value)) {
            others.add(attribute);
        }
    }

    private boolean isFirstBundle(String name, String value) {
        String[] f = fields(value);
        if (!name.equals("group") || f.length < 2 || !f[0].equals("BUNDLE") || !bundle.isEmpty()) {
            return false;
        }
        bundle = List.of(f).subList(1, f.length);
        return true;
    }

    private SessionDescription build() {
        Direction sessionDirection = direction.orElse(Direction.SENDRECV);
        List<MediaDescription> sections = media.stream().map(m -> m.build(sessionDirection)).toList();
        return new SessionDescription(origin, sessionName, timing, connection, transport.build(), iceLite, bundle,
            extmapAllowMixed, msidSemantic, others, sections);
    }
}
