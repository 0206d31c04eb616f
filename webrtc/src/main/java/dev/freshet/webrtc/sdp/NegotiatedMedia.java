package dev.freshet.webrtc.sdp;

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
}
