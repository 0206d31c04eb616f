package dev.freshet.webrtc.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes the answer's media section for an accepted offer section: the chosen codec and its RTX, the
 * feedback and header extensions kept, the server's ICE and DTLS attributes and candidates, and, when the
 * server sends, its SSRC with CNAME and msid (RFC 8830). Stateless.
 */
final class AnswerSection {

    private AnswerSection() {
    }

    static MediaDescription accepted(MediaDescription offered, NegotiatedMedia media, LocalParameters local,
                                     Setup setup) {
        CodecChoice codec = media.codec();
        List<String> formats = new ArrayList<>(List.of(Integer.toString(codec.payloadType())));
        List<RtpMap> rtpMaps = new ArrayList<>(List.of(codec.codec()));
        List<Fmtp> fmtps = new ArrayList<>();
        if (!codec.parameters().parameters().isEmpty()) {
            fmtps.add(codec.parameters());
        }
        if (codec.hasRtx()) {
            formats.add(Integer.toString(codec.rtxPayloadType()));
            rtpMaps.add(new RtpMap(codec.rtxPayloadType(), "rtx", codec.codec().clockRate(), 0));
            fmtps.add(new Fmtp(codec.rtxPayloadType(), Map.of("apt", Integer.toString(codec.payloadType()))));
        }
        List<Extmap> extmaps = offered.rtp().extmaps().stream()
            .filter(e -> media.extensionId(e.uri()) == e.id())
            .map(e -> new Extmap(e.id(), Optional.empty(), e.uri(), "")).toList();
        TransportAttributes transport = new TransportAttributes(local.iceUfrag(), local.icePwd(), List.of(),
            Optional.of(local.fingerprint()), Optional.of(setup));
        return new MediaDescription(offered.kind(), 9, offered.protocol(), formats, "IN IP4 0.0.0.0", media.mid(),
            media.direction(), true, offered.rtcpReducedSize(), transport, local.candidates(), true,
            new RtpParameters(rtpMaps, fmtps, codec.feedback(), extmaps), sources(media, local), List.of());
    }

    private static MediaSources sources(NegotiatedMedia media, LocalParameters local) {
        if (media.localSsrc() < 0) {
            return MediaSources.NONE;
        }
        String msid = AnswerBuilder.streamId() + " " + media.kind().token();
        List<SsrcAttribute> ssrcs = List.of(new SsrcAttribute(media.localSsrc(), "cname", local.cname()),
            new SsrcAttribute(media.localSsrc(), "msid", msid));
        return new MediaSources(ssrcs, List.of(), msid, List.of(), "");
    }
}
