package dev.freshet.webrtc.session;

import dev.freshet.fragments.media.Frame;
import dev.freshet.fragments.media.MediaKind;
import dev.freshet.webrtc.depacketize.OpusPacketizer;
import dev.freshet.webrtc.depacketize.RtpPayload;
import dev.freshet.webrtc.rtcp.NtpTime;
import dev.freshet.webrtc.rtcp.RtcpCompound;
import dev.freshet.webrtc.rtcp.SenderReport;
import dev.freshet.webrtc.rtp.OutgoingRtpPacket;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A camera whose clock is seconds behind the server's (as GStreamer's Sender Reports are, counted
 * from its pipeline start) keeps every frame, on one continuous timeline; the offset is the peer's,
 * fixed by its first report.
 */
class SenderClockOffsetTest {

    private static final long T0 = 1_700_000_000_000_000L;
    private static final long MS = 1000;
    private static final long AUDIO_SSRC = 0xA0D10L;
    /** TOC of a 20 ms CELT fullband frame, code 0 (RFC 6716 3.1), and a few bytes of it. */
    private static final byte[] OPUS_20MS = {(byte) 0xF8, 1, 2, 3};

    private long now = T0;
    private final CollectedFrames collected = new CollectedFrames();
    private final List<Frame> frames = collected.frames;

    @Test
    void theFirstReportFixesTheOffsetForEveryStreamOfThePeer() {
        SenderClockOffset offset = new SenderClockOffset();

        assertThat(offset.offsetMicros(T0 - 3_000_000, T0)).isEqualTo(3_000_000);
        assertThat(offset.offsetMicros(T0 - 1_000_000, T0 + 5 * MS)).as("a later report, any stream")
            .isEqualTo(3_000_000);
    }

    @Test
    void aCameraClockBehindTheServersNeitherStepsBackNorLosesFrames() {
        IncomingPeer peer = new IncomingPeer(List.of(new MediaRoute(MediaKind.AUDIO, 111, -1, 0, 0, 2)), 1,
            collected, () -> now);
        OpusPacketizer packetizer = new OpusPacketizer(100);
        for (int i = 0; i < 50; i++) {
            now = T0 + i * 20 * MS;
            if (i == 20) {
                // the camera's clock says 3 s earlier than the server's
                byte[] sr = RtcpCompound.encode(List.of(new SenderReport(AUDIO_SSRC,
                    NtpTime.fromEpochMicros(now - 3_000_000), 960L * i, i, 4L * i, List.of())));
                peer.rtcp(sr, 0, sr.length);
            }
            send(peer, packetizer.packetize(OPUS_20MS, 960L * i));
            peer.tick();
        }
        peer.finish();

        assertThat(frames).hasSize(50);
        for (int i = 1; i < frames.size(); i++) {
            assertThat(frames.get(i).timestampMicros() - frames.get(i - 1).timestampMicros())
                .as("frame %d after frame %d", i, i - 1).isEqualTo(20 * MS);
        }
        assertThat(frames.get(0).timestampMicros()).as("on the server's clock").isEqualTo(T0);
    }

    private static void send(IncomingPeer peer, RtpPayload payload) {
        byte[] rtp = OutgoingRtpPacket.of(payload.marker(), 111, payload.sequenceNumber(), payload.timestamp(),
            AUDIO_SSRC, payload.toByteArray()).encode();
        peer.rtp(rtp, 0, rtp.length);
    }
}
