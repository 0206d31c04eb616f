package dev.freshet.webrtc.session;

import dev.freshet.fragments.media.Frame;
import dev.freshet.fragments.media.MediaKind;
import dev.freshet.webrtc.depacketize.OpusPacketizer;
import dev.freshet.webrtc.depacketize.RtpPayload;
import dev.freshet.webrtc.rtp.OutgoingRtpPacket;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A peer with one track passes each frame on as it completes; a peer with audio and video holds
 * frames for the interleaving window, so that the tracks come out in one presentation order.
 */
class IncomingPeerInterleaveTest {

    private static final long T0 = 1_700_000_000_000_000L;
    private static final long AUDIO_SSRC = 0xA0D10L;
    private static final byte[] OPUS_20MS = {(byte) 0xF8, 1, 2, 3};

    private long now = T0;
    private final CollectedFrames collected = new CollectedFrames();
    private final List<Frame> frames = collected.frames;

    @Test
    void aSingleTrackPeersFramesDoNotWait() {
        IncomingPeer peer = peer(List.of(new MediaRoute(MediaKind.AUDIO, 111, -1, 0, 0, 2)));
        OpusPacketizer packetizer = new OpusPacketizer(100);

        send(peer, packetizer.packetize(OPUS_20MS, 0));
        assertThat(frames).as("out at once").hasSize(1);
        now += 20_000;
        send(peer, packetizer.packetize(OPUS_20MS, 960));
        assertThat(frames).hasSize(2);
    }

    @Test
    void anAudioAndVideoPeersFramesWaitForTheWindow() {
        IncomingPeer peer = peer(List.of(new MediaRoute(MediaKind.VIDEO, 96, -1, 0, 0, 1),
            new MediaRoute(MediaKind.AUDIO, 111, -1, 0, 0, 2)));
        OpusPacketizer packetizer = new OpusPacketizer(100);

        long window = IncomingPeer.INTERLEAVE_WINDOW_MICROS;
        int perWindow = (int) (window / 20_000);
        for (int i = 0; i <= perWindow; i++) {
            send(peer, packetizer.packetize(OPUS_20MS, 960L * i));
            now += 20_000;
        }
        assertThat(frames).as("the first frame leaves once a frame %d us newer came", window).hasSize(1);
        peer.finish();
        assertThat(frames).hasSize(perWindow + 1);
    }

    private IncomingPeer peer(List<MediaRoute> routes) {
        return new IncomingPeer(routes, 1, collected, () -> now);
    }

    private static void send(IncomingPeer peer, RtpPayload payload) {
        byte[] rtp = OutgoingRtpPacket.of(payload.marker(), 111, payload.sequenceNumber(), payload.timestamp(),
            AUDIO_SSRC, payload.toByteArray()).encode();
        peer.rtp(rtp, 0, rtp.length);
    }
}
