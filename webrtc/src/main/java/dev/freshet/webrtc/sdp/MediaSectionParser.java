package dev.freshet.webrtc.sdp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static dev.freshet.webrtc.sdp.SdpValues.fields;
import static dev.freshet.webrtc.sdp.SdpValues.malformed;
import static dev.freshet.webrtc.sdp.SdpValues.parseInt;
import static dev.freshet.webrtc.sdp.SdpValues.quote;

/**
 * Gathers the lines of one media section (RFC 8866 section 5.14) into a {@link MediaDescription}. Attributes
 * that may appear once keep their first value; a repeat of a transport attribute is kept as an unknown
 * attribute, of mid, msid or simulcast dropped. RTP attributes in a non-RTP section (old data-channel SDP)
 * are kept as unknown attributes too. Not thread-safe: one parse.
 */
final class MediaSectionParser {

    private final MediaKind kind;
    private final int port;
    private final String protocol;
    private final List<String> formats;
    private String connection = "";
    private String mid = "";
    private Optional<Direction> direction = Optional.empty();
    private boolean rtcpMux;
    private boolean rtcpReducedSize;
    private final TransportAttributeParser transport = new TransportAttributeParser();
    private final List<Candidate> candidates = new ArrayList<>();
    private boolean endOfCandidates;
    private final List<RtpMap> rtpMaps = new ArrayList<>();
    private final List<Fmtp> fmtps = new ArrayList<>();
    private final List<RtcpFeedback> feedback = new ArrayList<>();
    private final List<Extmap> extmaps = new ArrayList<>();
    private final List<SsrcAttribute> ssrcs = new ArrayList<>();
    private final List<SsrcGroup> ssrcGroups = new ArrayList<>();
    private String msid = "";
    private final List<Rid> rids = new ArrayList<>();
    private String simulcast = "";
    private final List<Attribute> others = new ArrayList<>();

    /** Starts a section from the value of its {@code m=} line: {@code <media> <port>[/<n>] <proto> <fmt>...}. */
    MediaSectionParser(String mLine) {
        String[] f = fields(mLine);
        if (f.length < 4) {
            throw malformed(SdpMalformed.BAD_MEDIA_LINE, "m= needs media, port, protocol and formats: " + quote(mLine));
        }
        kind = MediaKind.fromToken(f[0])
            .orElseThrow(() -> malformed(SdpMalformed.UNKNOWN_MEDIA_KIND, quote(f[0])));
        // "<port>/<number of ports>" is for layered RTP, which WebRTC never uses: the count is dropped
        String portText = f[1].contains("/") ? f[1].substring(0, f[1].indexOf('/')) : f[1];
        port = parseInt(portText, 0, 65535, SdpMalformed.BAD_MEDIA_LINE, "m= port");
        protocol = f[2];
        formats = List.of(Arrays.copyOfRange(f, 3, f.length));
        if (MediaDescription.isRtp(protocol)) {
            formats.forEach(pt -> parseInt(pt, 0, 127, SdpMalformed.BAD_MEDIA_LINE, "m= payload type"));
        }
    }

    void accept(char type, String value) {
        if (type == 'c') {
            connection = connection.isEmpty() ? value : connection;
        } else if (type == 'a') {
            attribute(value);
        }
        // i= b= k=: nothing WebRTC acts on
    }

    private void attribute(String line) {
        Attribute attribute = Attribute.parse(line);
        String name = attribute.name();
        String value = attribute.value();
        Optional<Direction> named = Direction.fromToken(name);
        if (named.isPresent()) {
            direction = direction.or(() -> named);
        } else if (!transport.accept(name, value) && !flag(name) && !rtp(name, value) && !source(name, value)) {
            others.add(attribute);
        }
    }

    private boolean flag(String name) {
        switch (name) {
            case "rtcp-mux" -> rtcpMux = true;
            case "rtcp-rsize" -> rtcpReducedSize = true;
            case "end-of-candidates" -> endOfCandidates = true;
            default -> {
                return false;
            }
        }
        return true;
    }

    private boolean rtp(String name, String value) {
        if (!MediaDescription.isRtp(protocol)) {
            return name.equals("candidate") && candidates.add(Candidate.parse(value));
        }
        return switch (name) {
            case "candidate" -> candidates.add(Candidate.parse(value));
            case "rtpmap" -> rtpMaps.add(RtpMap.parse(value));
            case "fmtp" -> fmtps.add(Fmtp.parse(value));
            case "rtcp-fb" -> feedback.add(RtcpFeedback.parse(value));
            case "extmap" -> extmaps.add(Extmap.parse(value));
            default -> false;
        };
    }

    private boolean source(String name, String value) {
        switch (name) {
            case "mid" -> mid = first(mid, value);
            case "msid" -> msid = first(msid, value);
            case "simulcast" -> simulcast = first(simulcast, value);
            case "ssrc" -> ssrcs.add(SsrcAttribute.parse(value));
            case "ssrc-group" -> ssrcGroups.add(SsrcGroup.parse(value));
            case "rid" -> rids.add(Rid.parse(value));
            default -> {
                return false;
            }
        }
        return true;
    }

    /** A single-valued attribute keeps its first value; a repeat is dropped as it cannot mean anything more. */
    private static String first(String current, String value) {
        return current.isEmpty() ? value.strip() : current;
    }

    MediaDescription build(Direction sessionDirection) {
        return new MediaDescription(kind, port, protocol, formats, connection, mid,
            direction.orElse(sessionDirection), rtcpMux, rtcpReducedSize, transport.build(), candidates,
            endOfCandidates, new RtpParameters(rtpMaps, fmtps, feedback, extmaps),
            new MediaSources(ssrcs, ssrcGroups, msid, rids, simulcast), others);
    }
}
