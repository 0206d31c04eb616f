package dev.freshet.webrtc.sdp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes the offer a storage session sends a camera (KVS {@code JoinStorageSession}): Freshet only receives, so
 * both sections are {@code recvonly}, bundled on the one UDP port with rtcp-mux.
 * <ul>
 *   <li>video (mid {@code 0}): H.264 in every profile {@link CodecSelector#STORABLE_PROFILES} takes, best first,
 *       each with packetization-mode 1 then 0, each with its RTX payload type (RFC 4588); feedback {@code nack},
 *       {@code nack pli}, {@code ccm fir}, {@code transport-cc} — what the receive side acts on (no REMB).</li>
 *   <li>audio (mid {@code 1}): Opus 48000/2 with {@code transport-cc}.</li>
 *   <li>One header extension, the transport-wide sequence number ({@link #TRANSPORT_CC_ID} in both sections, one
 *       bundle), that transport-cc feedback reports; routes go by payload type and SSRC, not mid.</li>
 *   <li>No {@code a=ice-lite}: Freshet, the offerer, is the controlling agent (RFC 8445 section 6.1.1), as the
 *       KVS storage service is. Cameras on the KVS C SDK take the controlled role whenever they answer, whatever
 *       the offer says, so a lite offer would leave both sides controlled. The camera's checks (a controlled
 *       full agent checks too) find the one port; Freshet's triggered checks answer on the pairs they
 *       open and nominate one. All of Freshet's candidates are in the offer, followed by
 *       {@code a=end-of-candidates}.</li>
 *   <li>{@code a=setup:actpass} (RFC 8842 section 5.2): the camera's answer picks the DTLS role.</li>
 * </ul>
 * Payload types are the offer's own; {@link AnswerReader} reads which ones the answer kept.
 *
 * <p>{@link #sending} writes the offer a storage session sends a viewer (KVS {@code JoinStorageSessionAsViewer}):
 * the same transport (controlling ICE, actpass, BUNDLE, rtcp-mux), {@code sendonly} sections that carry exactly
 * the publisher's negotiated codecs, payload types and format parameters, so its RTP is forwarded unchanged,
 * with Freshet's SSRC, CNAME and msid per section. No RTX (Freshet retransmits on the media SSRC) and no header
 * extensions (viewers demux by the SSRC the offer announces). Stateless.
 */
public final class OfferBuilder {

    /** The H.264 payload types, in offer order; each one's RTX is the next number. 110/111 are skipped for Opus. */
    private static final int[] VIDEO_PAYLOAD_TYPES = {96, 98, 100, 102, 104, 106, 108, 112, 114, 116};
    private static final int OPUS_PAYLOAD_TYPE = 111;
    /** The transport-wide sequence number's extension id. */
    static final int TRANSPORT_CC_ID = 1;
    private static final List<Extmap> EXTMAPS =
        List.of(new Extmap(TRANSPORT_CC_ID, Optional.empty(), Extmap.TRANSPORT_WIDE_CC, ""));
    private static final String VIDEO_MID = "0";
    private static final String AUDIO_MID = "1";
    private static final String PROTOCOL = "UDP/TLS/RTP/SAVPF";
    private static final String ANY_ADDRESS = "IN IP4 0.0.0.0";

    private OfferBuilder() {
    }

    /** The offer, with {@code local}'s credentials, fingerprint and candidates; {@code local} must receive. */
    public static SessionDescription offer(LocalParameters local) {
        if (local.role() != LocalParameters.Role.RECEIVE) {
            throw new IllegalArgumentException("a storage session's offer receives media");
        }
        TransportAttributes transport = new TransportAttributes(local.iceUfrag(), local.icePwd(), List.of(),
            Optional.of(local.fingerprint()), Optional.of(Setup.ACTPASS));
        List<MediaDescription> media = List.of(
            section(MediaKind.VIDEO, VIDEO_MID, video(), transport, local),
            section(MediaKind.AUDIO, AUDIO_MID, audio(), transport, local));
        return new SessionDescription(Origin.local(local.sessionId()), "-", "0 0", "", TransportAttributes.NONE,
            false, List.of(VIDEO_MID, AUDIO_MID), false, "", List.of(), media);
    }

    /**
     * The offer to a viewer: one {@code sendonly} section per codec in {@code codecs} (video, mid {@code 0},
     * before audio, mid {@code 1}), each as the publisher negotiated it; {@code local} must send.
     */
    public static SessionDescription sending(LocalParameters local, Map<MediaKind, CodecChoice> codecs) {
        if (local.role() != LocalParameters.Role.SEND) {
            throw new IllegalArgumentException("a viewer's offer sends media");
        }
        TransportAttributes transport = new TransportAttributes(local.iceUfrag(), local.icePwd(), List.of(),
            Optional.of(local.fingerprint()), Optional.of(Setup.ACTPASS));
        List<MediaDescription> media = new ArrayList<>();
        for (MediaKind kind : List.of(MediaKind.VIDEO, MediaKind.AUDIO)) {
            CodecChoice codec = codecs.get(kind);
            if (codec != null) {
                String mid = kind == MediaKind.VIDEO ? VIDEO_MID : AUDIO_MID;
                long ssrc = kind == MediaKind.VIDEO ? local.videoSsrc() : local.audioSsrc();
                media.add(section(kind, mid, forwarded(codec, kind), transport, local, Direction.SENDONLY,
                    sources(kind, ssrc, local.cname())));
            }
        }
        if (media.isEmpty()) {
            throw new IllegalArgumentException("a viewer's offer needs a codec to send");
        }
        List<String> mids = media.stream().map(MediaDescription::mid).toList();
        return new SessionDescription(Origin.local(local.sessionId()), "-", "0 0", "", TransportAttributes.NONE,
            false, mids, false, "WMS " + AnswerBuilder.streamId(), List.of(), media);
    }

    private static MediaDescription section(MediaKind kind, String mid, RtpParameters rtp,
                                            TransportAttributes transport, LocalParameters local) {
        return section(kind, mid, rtp, transport, local, Direction.RECVONLY, MediaSources.NONE);
    }

    private static MediaDescription section(MediaKind kind, String mid, RtpParameters rtp,
                                            TransportAttributes transport, LocalParameters local,
                                            Direction direction, MediaSources sources) {
        List<String> formats = rtp.rtpMaps().stream().map(m -> Integer.toString(m.payloadType())).toList();
        return new MediaDescription(kind, 9, PROTOCOL, formats, ANY_ADDRESS, mid, direction, true, false,
            transport, local.candidates(), true, rtp, sources, List.of());
    }

    /** The publisher's codec, without RTX; video asks for the feedback a WHEP session acts on. */
    private static RtpParameters forwarded(CodecChoice codec, MediaKind kind) {
        int pt = codec.payloadType();
        List<Fmtp> fmtps = codec.parameters().parameters().isEmpty() ? List.of()
            : List.of(new Fmtp(pt, codec.parameters().parameters()));
        List<RtcpFeedback> feedback = kind == MediaKind.VIDEO ? List.of(new RtcpFeedback(pt, "nack", ""),
            new RtcpFeedback(pt, "nack", "pli"), new RtcpFeedback(pt, "ccm", "fir")) : List.of();
        return new RtpParameters(List.of(codec.codec()), fmtps, feedback, List.of());
    }

    /** The sender's SSRC with CNAME and msid (RFC 8830), as {@link AnswerSection} writes them. */
    private static MediaSources sources(MediaKind kind, long ssrc, String cname) {
        String msid = AnswerBuilder.streamId() + " " + kind.token();
        return new MediaSources(List.of(new SsrcAttribute(ssrc, "cname", cname), new SsrcAttribute(ssrc, "msid", msid)),
            List.of(), msid, List.of(), "");
    }

    private static RtpParameters video() {
        List<RtpMap> maps = new ArrayList<>();
        List<Fmtp> fmtps = new ArrayList<>();
        List<RtcpFeedback> feedback = new ArrayList<>();
        int next = 0;
        for (H264ProfileLevelId.Profile profile : CodecSelector.STORABLE_PROFILES) {
            for (int mode = 1; mode >= 0; mode--) {
                int pt = VIDEO_PAYLOAD_TYPES[next++];
                maps.add(new RtpMap(pt, "H264", 90000, 0));
                maps.add(new RtpMap(pt + 1, "rtx", 90000, 0));
                fmtps.add(new Fmtp(pt, ordered("level-asymmetry-allowed", "1", "packetization-mode",
                    Integer.toString(mode), "profile-level-id", profileLevelId(profile))));
                fmtps.add(new Fmtp(pt + 1, Map.of("apt", Integer.toString(pt))));
                feedback.addAll(List.of(new RtcpFeedback(pt, "nack", ""), new RtcpFeedback(pt, "nack", "pli"),
                    new RtcpFeedback(pt, "ccm", "fir"), new RtcpFeedback(pt, "transport-cc", "")));
            }
        }
        return new RtpParameters(maps, fmtps, feedback, EXTMAPS);
    }

    private static RtpParameters audio() {
        return new RtpParameters(List.of(new RtpMap(OPUS_PAYLOAD_TYPE, "opus", 48000, 2)),
            List.of(new Fmtp(OPUS_PAYLOAD_TYPE, ordered("minptime", "10", "useinbandfec", "1"))),
            List.of(new RtcpFeedback(OPUS_PAYLOAD_TYPE, "transport-cc", "")), EXTMAPS);
    }

    /** Format parameters in the order given, as browsers write them. */
    private static Map<String, String> ordered(String... namesAndValues) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            parameters.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return parameters;
    }

    /** Level 3.1 for each profile; level-asymmetry-allowed lets the camera send a higher level. */
    private static String profileLevelId(H264ProfileLevelId.Profile profile) {
        return switch (profile) {
            case CONSTRAINED_BASELINE -> "42e01f";
            case BASELINE -> "42001f";
            case CONSTRAINED_HIGH -> "640c1f";
            case MAIN -> "4d001f";
            case HIGH -> "64001f";
            case PREDICTIVE_HIGH_444 -> throw new IllegalStateException("not offered: " + profile);
        };
    }
}
