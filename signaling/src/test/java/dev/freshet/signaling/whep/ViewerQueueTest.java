package dev.freshet.signaling.whep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.freshet.webrtc.rtcp.RtcpCompound;
import dev.freshet.webrtc.rtcp.RtcpPacket;
import dev.freshet.webrtc.rtcp.SenderReport;
import dev.freshet.webrtc.rtp.OutgoingRtpPacket;
import dev.freshet.webrtc.rtp.RtpPacket;
import dev.freshet.webrtc.sdp.MediaKind;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A viewer gets the publisher's sender reports as its own: its SSRC for the medium, the publisher's
 * NTP↔RTP mapping (timestamps are forwarded unchanged), the packets and octets sent to it.
 */
class ViewerQueueTest {

    private static final long VIEWER_VIDEO_SSRC = 0x1111L;
    private static final long VIEWER_AUDIO_SSRC = 0x2222L;
    private static final long PUBLISHER_SSRC = 0x9999L;

    private final List<byte[]> rtp = new CopyOnWriteArrayList<>();
    private final List<byte[]> rtcp = new CopyOnWriteArrayList<>();

    @Test
    void thePublishersReportReachesTheViewerWithItsSsrcAndCounts() {
        ViewerQueue viewer = new ViewerQueue(Map.of(MediaKind.VIDEO, new OutgoingTrack(102, VIEWER_VIDEO_SSRC, -1,
            new byte[0]), MediaKind.AUDIO, new OutgoingTrack(111, VIEWER_AUDIO_SSRC, -1, new byte[0])),
            (packet, offset, length) -> rtp.add(packet.clone()), (packet, offset, length) -> rtcp.add(packet.clone()),
            16, () -> { }, "sr");
        try {
            for (int i = 0; i < 3; i++) {
                viewer.rtp(MediaKind.VIDEO, packet(96, i, new byte[100]));
            }
            viewer.rtp(MediaKind.AUDIO, packet(111, 7, new byte[40]));
            await().atMost(5, TimeUnit.SECONDS).until(() -> rtp.size() == 4);

            viewer.senderReport(MediaKind.VIDEO, 0xE000_0000_8000_0000L, 90_000);
            viewer.senderReport(MediaKind.AUDIO, 0xE000_0000_8000_0000L, 48_000);

            assertThat(reports()).containsExactly(
                new SenderReport(VIEWER_VIDEO_SSRC, 0xE000_0000_8000_0000L, 90_000, 3, 300, List.of()),
                new SenderReport(VIEWER_AUDIO_SSRC, 0xE000_0000_8000_0000L, 48_000, 1, 40, List.of()));
            assertThat(viewer.reports()).isEqualTo(2);
        } finally {
            viewer.close();
        }
    }

    @Test
    void noReportForAMediumTheViewerDoesNotReceive() {
        ViewerQueue viewer = new ViewerQueue(Map.of(MediaKind.VIDEO, new OutgoingTrack(102, VIEWER_VIDEO_SSRC, -1,
            new byte[0])), (packet, offset, length) -> true, (packet, offset, length) -> rtcp.add(packet), 16,
            () -> { }, "video-only");
        try {
            viewer.senderReport(MediaKind.AUDIO, 1L, 2L);
            assertThat(rtcp).isEmpty();
        } finally {
            viewer.close();
        }
    }

    private List<RtcpPacket> reports() {
        return rtcp.stream().flatMap(packet -> RtcpCompound.decode(packet, 0, packet.length).stream()).toList();
    }

    private static RtpPacket packet(int payloadType, int sequenceNumber, byte[] payload) {
        byte[] encoded = OutgoingRtpPacket.of(false, payloadType, sequenceNumber, 3000L * sequenceNumber,
            PUBLISHER_SSRC, payload).encode();
        return RtpPacket.decode(encoded, 0, encoded.length);
    }
}
