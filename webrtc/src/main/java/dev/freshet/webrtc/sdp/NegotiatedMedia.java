package dev.freshet.webrtc.sdp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One accepted media section, as the RTP side needs it: which payload types and SSRCs to expect or use,
 * which header extension ids carry what, which feedback to send.
 *
 * @param mlineIndex       index of the section in offer and answer
 * @param mid              its mid, also in the sdes:mid header extension
 * @param kind             audio or video
 * @param direction        the server's direction: recvonly or sendonly
 * @param codec            the chosen codec, its RTX and feedback
 * @param extensionIds     header extension URI to id, for those answered (see {@link Extmap})
 * @param remoteSsrc       the peer's media SSRC if its offer says, else -1 (then learn it from RTP via mid)
 * @param remoteRtxSsrc    the peer's RTX SSRC (ssrc-group FID) if its offer says, else -1
 * @param localSsrc        the SSRC the server sends with, -1 when it only receives
 * @param simulcastRefused the offer asked for simulcast (rid/simulcast), which the answer left out
 */
public record NegotiatedMedia(int mlineIndex, String mid, MediaKind kind, Direction direction, CodecChoice codec,
                              Map<String, Integer> extensionIds, long remoteSsrc, long remoteRtxSsrc,
                              long localSsrc, boolean simulcastRefused) {

    /** Header extensions Freshet understands; others are left out of what it answers. */
    private static final List<String> EXTENSIONS = List.of(Extmap.SDES_MID, Extmap.ABS_SEND_TIME,
        Extmap.TRANSPORT_WIDE_CC);

    public NegotiatedMedia {
        Objects.requireNonNull(mid, "mid");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(codec, "codec");
        extensionIds = Map.copyOf(extensionIds);
    }

    /** The id of a header extension, -1 when it was not negotiated. */
    public int extensionId(String uri) {
        return extensionIds.getOrDefault(uri, -1);
    }

    /**
     * A medium the server receives, as the peer's section that sends it describes it (its offer to
     * WHIP, its answer to a storage session's offer): the peer's SSRCs and header extension ids.
     */
    static NegotiatedMedia received(int index, MediaDescription sender, CodecChoice choice) {
        MediaSources remote = sender.sources();
        return new NegotiatedMedia(index, sender.mid(), sender.kind(), Direction.RECVONLY, choice,
            extensionIds(sender), remote.primarySsrc().orElse(-1), remote.rtxSsrc().orElse(-1), -1,
            remote.asksForSimulcast());
    }

    /**
     * A medium the server sends, offered by {@code offered} (its SSRC is the offer's) and accepted by the
     * peer's {@code answered} section (its header extension ids, if any).
     */
    static NegotiatedMedia sent(int index, MediaDescription offered, MediaDescription answered, CodecChoice choice) {
        return new NegotiatedMedia(index, offered.mid(), offered.kind(), Direction.SENDONLY, choice,
            extensionIds(answered), -1, -1, offered.sources().primarySsrc().orElse(-1), false);
    }

    /** The ids {@code section} gives the header extensions Freshet understands, first id of each URI. */
    static Map<String, Integer> extensionIds(MediaDescription section) {
        Map<String, Integer> ids = new LinkedHashMap<>();
        for (Extmap e : section.rtp().extmaps()) {
            if (EXTENSIONS.contains(e.uri())) {
                ids.putIfAbsent(e.uri(), e.id());
            }
        }
        return ids;
    }
}
