package dev.freshet.webrtc.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static dev.freshet.webrtc.sdp.SdpValues.fields;
import static dev.freshet.webrtc.sdp.SdpValues.malformed;
import static dev.freshet.webrtc.sdp.SdpValues.quote;

/**
 * A trickle-ICE SDP fragment (RFC 8840 section 9, {@code application/trickle-ice-sdpfrag}): what a
 * WHIP or WHEP PATCH carries (RFC 9725 section 4.3), new candidates or, for an ICE restart, new
 * credentials, and what the server answers a restart with.
 * <pre>
 *   a=ice-options:trickle ice2            session level, optional
 *   a=group:BUNDLE 0 1                    optional
 *   m=audio 9 UDP/TLS/RTP/SAVPF 111       one per section with candidates (max-bundle: one)
 *   a=mid:0
 *   a=ice-ufrag:EsAw
 *   a=ice-pwd:P2uYro0UCOQ4zxjKXaWCBui1
 *   a=candidate:1387637174 1 udp 2122260223 192.0.2.1 61764 typ host generation 0
 *   a=end-of-candidates
 * </pre>
 * Only the first of each attribute counts, at whichever level it comes (everything is bundled).
 * Other SDP line types are allowed and skipped; the session lines of a full description (v, o, s, t)
 * are not a fragment's and are refused.
 *
 * <p>Immutable.
 *
 * @param ufrag           the first {@code ice-ufrag}, empty when none
 * @param password        the first {@code ice-pwd}, empty when none
 * @param mediaLine       the first {@code m=} line's value, empty when none
 * @param mid             the first {@code a=mid}, empty when none
 * @param candidates      the candidates, in order
 * @param endOfCandidates whether {@code a=end-of-candidates} came
 */
public record IceFragment(String ufrag, String password, String mediaLine, String mid, List<Candidate> candidates,
                          boolean endOfCandidates) {

    /** Longest text accepted: a few dozen candidates fit in 4 KB. */
    static final int MAX_CHARS = 16 * 1024;
    /** Most candidates accepted in one fragment. */
    static final int MAX_CANDIDATES = 64;
    private static final String ICE_CHARS = "[A-Za-z0-9+/]";
    private static final String OTHER_LINE_TYPES = "icbkr";

    public IceFragment {
        Objects.requireNonNull(ufrag, "ufrag");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(mediaLine, "mediaLine");
        Objects.requireNonNull(mid, "mid");
        candidates = List.copyOf(candidates);
    }

    /** @throws dev.freshet.webrtc.MalformedInputException for text that is not a fragment */
    public static IceFragment parse(String text) {
        if (text.length() > MAX_CHARS) {
            throw malformed(SdpMalformed.TOO_LARGE, text.length() + " chars, at most " + MAX_CHARS);
        }
        Builder builder = new Builder();
        for (String raw : text.split("\n", -1)) {
            String line = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
            if (!line.isEmpty()) {
                builder.line(line);
            }
        }
        return builder.build();
    }

    /** The fragment as text, CRLF line ends: credentials at session level, then the media section. */
    public String format() {
        StringBuilder out = new StringBuilder();
        line(out, !ufrag.isEmpty(), "a=ice-ufrag:" + ufrag);
        line(out, !password.isEmpty(), "a=ice-pwd:" + password);
        line(out, !mediaLine.isEmpty(), "m=" + mediaLine);
        line(out, !mid.isEmpty(), "a=mid:" + mid);
        candidates.forEach(candidate -> line(out, true, "a=candidate:" + candidate.format()));
        line(out, endOfCandidates, "a=end-of-candidates");
        return out.toString();
    }

    private static void line(StringBuilder out, boolean present, String line) {
        if (present) {
            out.append(line).append("\r\n");
        }
    }

    /** One parse. Not thread-safe. */
    private static final class Builder {
        private String ufrag = "";
        private String password = "";
        private String mediaLine = "";
        private String mid = "";
        private final List<Candidate> candidates = new ArrayList<>();
        private boolean endOfCandidates;

        void line(String line) {
            if (line.length() < 2 || line.charAt(1) != '=') {
                throw malformed(SdpMalformed.BAD_LINE, "not <type>=<value>: " + quote(line));
            }
            char type = line.charAt(0);
            String value = line.substring(2);
            if (type == 'a') {
                attribute(Attribute.parse(value));
            } else if (type == 'm') {
                media(value);
            } else if (OTHER_LINE_TYPES.indexOf(type) < 0 && type != 'c') {
                throw malformed(SdpMalformed.UNKNOWN_LINE_TYPE, "not a fragment's line: " + quote(line));
            }
        }

        private void media(String value) {
            if (fields(value).length < 4) {
                throw malformed(SdpMalformed.BAD_MEDIA_LINE, quote(value));
            }
            if (mediaLine.isEmpty()) {
                mediaLine = value.strip();
            }
        }

        private void attribute(Attribute attribute) {
            String value = attribute.value().strip();
            switch (attribute.name()) {
                case "ice-ufrag" -> ufrag = ufrag.isEmpty() ? iceChars(value, 4, "ice-ufrag") : ufrag;
                case "ice-pwd" -> password = password.isEmpty() ? iceChars(value, 22, "ice-pwd") : password;
                case "mid" -> mid = mid.isEmpty() ? value : mid;
                case "candidate" -> candidate(value);
                case "end-of-candidates" -> endOfCandidates = true;
                default -> {
                    // ice-options, group, ice-lite...: nothing a PATCH needs
                }
            }
        }

        private void candidate(String value) {
            if (candidates.size() == MAX_CANDIDATES) {
                throw malformed(SdpMalformed.TOO_LARGE, "more than " + MAX_CANDIDATES + " candidates");
            }
            candidates.add(Candidate.parse(value));
        }

        /** RFC 8839 section 5.4: ice-char (ALPHA / DIGIT / "+" / "/"), at least {@code min}, at most 256. */
        private static String iceChars(String value, int min, String what) {
            if (!value.matches(ICE_CHARS + "{" + min + ",256}")) {
                throw malformed(SdpMalformed.BAD_ATTRIBUTE, what + " " + quote(value));
            }
            return value;
        }

        IceFragment build() {
            return new IceFragment(ufrag, password, mediaLine, mid, candidates, endOfCandidates);
        }
    }
}
