package dev.freshet.webrtc.sdp;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Picks the one codec Freshet takes from an offered media section, in the offer's payload types:
 * <ul>
 *   <li>video: H.264 that the fragments store as is, packetization-mode 1 before 0 (mode 2, interleaved, is
 *       refused), then by the given profile list: {@link #PLAYABLE_PROFILES} for offers to answer, where main
 *       and high are refused because they may carry B-frames, which WebRTC playback cannot reorder;
 *       {@link #STORABLE_PROFILES} for a camera's answer to a storage session's offer, which takes main and
 *       high as KVS does. VP8 and VP9 are recognised and never chosen: the storage is H.264.</li>
 *   <li>audio: Opus at 48000/2.</li>
 * </ul>
 * Feedback is kept where Freshet acts on it: {@code nack}, {@code nack pli}, {@code ccm fir}, and
 * {@code transport-cc} when the transport-wide sequence number extension is offered too (Freshet sends
 * transport-wide feedback; the sender estimates the bandwidth). {@code goog-remb} is never kept: Freshet makes
 * no receiver-side estimate, and a sender that was promised REMB would wait for it; without transport-cc it
 * adapts on the loss fractions of Freshet's receiver reports. Stateless.
 */
final class CodecSelector {

    /** Profiles a publisher's offer may use, best first: WHEP viewers play them without reordering. */
    static final List<H264ProfileLevelId.Profile> PLAYABLE_PROFILES = List.of(
        H264ProfileLevelId.Profile.CONSTRAINED_BASELINE, H264ProfileLevelId.Profile.BASELINE,
        H264ProfileLevelId.Profile.CONSTRAINED_HIGH);

    /** Profiles a storage session offers a camera, best first: KVS takes main and high as well. */
    static final List<H264ProfileLevelId.Profile> STORABLE_PROFILES = List.of(
        H264ProfileLevelId.Profile.CONSTRAINED_BASELINE, H264ProfileLevelId.Profile.BASELINE,
        H264ProfileLevelId.Profile.CONSTRAINED_HIGH, H264ProfileLevelId.Profile.MAIN,
        H264ProfileLevelId.Profile.HIGH);

    private static final Set<String> FEEDBACK = Set.of("nack", "nack pli", "ccm fir", "transport-cc");

    private CodecSelector() {
    }

    static Optional<CodecChoice> select(MediaDescription offered) {
        return select(offered, PLAYABLE_PROFILES);
    }

    /** The codec of {@code offered} with H.264 restricted to {@code profiles}, best first. */
    static Optional<CodecChoice> select(MediaDescription offered, List<H264ProfileLevelId.Profile> profiles) {
        RtpParameters rtp = offered.rtp();
        Optional<RtpMap> codec = switch (offered.kind()) {
            case VIDEO -> offered.payloadTypes().stream().flatMap(pt -> rtp.rtpMap(pt).stream())
                .filter(m -> h264Rank(m, rtp, profiles) >= 0)
                .min(Comparator.comparingInt(m -> h264Rank(m, rtp, profiles)));
            case AUDIO -> offered.payloadTypes().stream().flatMap(pt -> rtp.rtpMap(pt).stream())
                .filter(m -> m.is("opus", 48000) && m.channels() == 2).findFirst();
            case APPLICATION -> Optional.empty();
        };
        return codec.map(c -> new CodecChoice(c, rtp.fmtp(c.payloadType()), feedback(rtp, c.payloadType()),
            rtxFor(offered, c.payloadType())));
    }

    /** 0 is best; -1 when Freshet cannot take it. */
    private static int h264Rank(RtpMap map, RtpParameters rtp, List<H264ProfileLevelId.Profile> profiles) {
        if (!map.is("H264", 90000)) {
            return -1;
        }
        H264Parameters p = H264Parameters.of(rtp.fmtp(map.payloadType()));
        int profile = p.profileLevelId().map(id -> profiles.indexOf(id.profile())).orElse(-1);
        if (profile < 0 || (p.packetizationMode() != 0 && p.packetizationMode() != 1)) {
            return -1;
        }
        return (1 - p.packetizationMode()) * profiles.size() + profile;
    }

    private static List<RtcpFeedback> feedback(RtpParameters rtp, int pt) {
        List<RtcpFeedback> kept = rtp.feedback(pt).stream()
            .filter(f -> FEEDBACK.contains(f.parameter().isEmpty() ? f.type() : f.type() + " " + f.parameter()))
            .map(f -> new RtcpFeedback(pt, f.type(), f.parameter())).distinct().toList();
        // transport-cc feedback reports the sequence numbers of its header extension, none without it
        boolean sequenced = rtp.extmap(Extmap.TRANSPORT_WIDE_CC).isPresent();
        return kept.stream().filter(f -> sequenced || !f.type().equals("transport-cc")).toList();
    }

    /** The RTX payload type whose {@code apt} is {@code pt} (RFC 4588 section 8.1), -1 when none is offered. */
    static int rtxFor(MediaDescription offered, int pt) {
        RtpParameters rtp = offered.rtp();
        return offered.payloadTypes().stream()
            .filter(rtx -> rtp.rtpMap(rtx).filter(m -> m.encodingName().equalsIgnoreCase("rtx")).isPresent())
            .filter(rtx -> rtp.fmtp(rtx).get("apt").filter(Integer.toString(pt)::equals).isPresent())
            .findFirst().orElse(-1);
    }
}
