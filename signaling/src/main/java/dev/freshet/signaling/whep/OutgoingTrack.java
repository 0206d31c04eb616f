package dev.freshet.signaling.whep;

import dev.freshet.webrtc.rtp.HeaderExtension;
import dev.freshet.webrtc.rtp.OutgoingRtpPacket;
import dev.freshet.webrtc.rtp.RtpPacket;
import dev.freshet.webrtc.sdp.Extmap;
import dev.freshet.webrtc.sdp.NegotiatedMedia;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * How one medium goes to one viewer: the viewer's payload type and the SSRC its answer announced,
 * and the sdes:mid header extension if negotiated (so the viewer can demux before it knows the
 * SSRC). Sequence numbers and timestamps are the publisher's, so a viewer's NACK names the
 * publisher's packet directly. The publisher's other header extensions are dropped: their ids are
 * the publisher's negotiation, not the viewer's.
 *
 * <p>Immutable.
 *
 * @param payloadType the viewer's payload type of the codec
 * @param ssrc        the SSRC the answer gave the viewer for this medium
 * @param midId       the viewer's sdes:mid extension id, -1 without it
 * @param mid         the section's mid, ASCII
 */
record OutgoingTrack(int payloadType, long ssrc, int midId, byte[] mid) {

    static OutgoingTrack of(NegotiatedMedia media) {
        return new OutgoingTrack(media.codec().payloadType(), media.localSsrc(), media.extensionId(Extmap.SDES_MID),
            media.mid().getBytes(StandardCharsets.US_ASCII));
    }

    /** The publisher's packet rewritten for the viewer, in a new array. */
    byte[] rewrite(RtpPacket packet) {
        byte[] payload = Arrays.copyOfRange(packet.buffer(), packet.payloadOffset(),
            packet.payloadOffset() + packet.payloadLength());
        List<HeaderExtension> extensions = midId > 0 && mid.length > 0 ? List.of(HeaderExtension.of(midId, mid))
            : List.of();
        return new OutgoingRtpPacket(packet.marker(), payloadType, packet.sequenceNumber(), packet.timestamp(), ssrc,
            List.of(), extensions, payload, 0).encode();
    }
}
