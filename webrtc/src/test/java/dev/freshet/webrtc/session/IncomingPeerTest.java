package dev.freshet.webrtc.session;

import dev.freshet.fragments.media.Frame;
import dev.freshet.fragments.media.MediaKind;
import dev.freshet.webrtc.depacketize.H264Packetizer;
import dev.freshet.webrtc.depacketize.RtpPayload;
import dev.freshet.webrtc.receive.ReceivePipeline;
import dev.freshet.webrtc.receive.X264Clip;
import dev.freshet.webrtc.receive.TransportFeedback;
import dev.freshet.webrtc.rtcp.PictureLossIndication;
import dev.freshet.webrtc.rtcp.TransportCc;
import dev.freshet.webrtc.rtp.HeaderExtension;
import dev.freshet.webrtc.rtcp.RtcpCompound;
import dev.freshet.webrtc.rtp.OutgoingRtpPacket;
import dev.freshet.webrtc.rtcp.RtcpPacket;
import dev.freshet.webrtc.transport.LoopbackPair;
import dev.freshet.webrtc.transport.SecureTransport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A Java camera publishes a real x264 clip over ICE, DTLS and SRTP on loopback; Freshet's side
 * turns it back into the same access units, keyframes where the camera's were, and asks for a
 * keyframe over RTCP when the stream starts mid-GOP.
 */
class IncomingPeerTest {

    private static final long CAMERA_SSRC = 0xCAFE_F00DL;

    @TempDir
    Path dir;
    private final List<AutoCloseable> closing = new ArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final List<Frame> frames = new CopyOnWriteArrayList<>();
    private final List<byte[]> codecPrivates = new CopyOnWriteArrayList<>();
    private final List<RtcpPacket> cameraFeedback = new CopyOnWriteArrayList<>();
    /** Collects frames into {@link #frames}, nothing else. */
    private final IncomingPeer.Output framesOnly = new IncomingPeer.Output() {
        @Override
        public void codecPrivate(int track, byte[] avcC) {
        }

        @Override
        public void frame(Frame frame, long arrivalMicros) {
            frames.add(frame);
        }
    };

    @AfterEach
    void close() {
        timer.shutdownNow();
        for (int i = closing.size() - 1; i >= 0; i--) {
            try {
                closing.get(i).close();
            } catch (Exception ignored) {
                // best effort
            }
        }
    }

    @Test
    void theCamerasAccessUnitsComeOutWholeAndInOrder() throws Exception {
        List<byte[]> units = X264Clip.accessUnits(dir, 30);
        IncomingPeer peer = new IncomingPeer(List.of(new MediaRoute(MediaKind.VIDEO, 96, -1, 0, 0, 1)), 1,
            new IncomingPeer.Output() {
                @Override
                public void codecPrivate(int track, byte[] avcC) {
                    codecPrivates.add(avcC);
                }

                @Override
                public void frame(Frame frame, long arrivalMicros) {
                    frames.add(frame);
                }
            }, () -> System.currentTimeMillis() * 1000);
        SecureTransport camera = connect(peer);

        long packets = publish(camera, units, 0, 65530);
        await().atMost(20, TimeUnit.SECONDS).until(() -> !peer.pipelines().isEmpty()
            && peer.pipelines().get(0).counters().get(ReceivePipeline.Counter.RTP) == packets);
        // the newest frames wait for other tracks' until the peer leaves
        peer.finish();

        assertThat(frames).hasSize(units.size());
        for (int i = 0; i < units.size(); i++) {
            assertThat(frames.get(i).data()).as("access unit %d", i).isEqualTo(units.get(i));
            assertThat(frames.get(i).keyframe()).as("keyframe %d", i).isEqualTo(i % 10 == 0);
            assertThat(frames.get(i).track()).isEqualTo(1);
        }
        assertThat(codecPrivates).as("the avcC from the first SPS/PPS").isNotEmpty();
        assertThat(peer.unrouted()).isZero();
    }

    @Test
    void aStreamJoinedMidGopAsksForAKeyframe() throws Exception {
        List<byte[]> units = X264Clip.accessUnits(dir, 8);
        IncomingPeer peer = new IncomingPeer(List.of(new MediaRoute(MediaKind.VIDEO, 96, -1, 0, 0, 1)), 1,
            framesOnly, () -> System.currentTimeMillis() * 1000);
        SecureTransport camera = connect(peer);

        publish(camera, units, 3, 100);

        await().atMost(10, TimeUnit.SECONDS).until(() -> cameraFeedback.stream()
            .anyMatch(p -> p instanceof PictureLossIndication pli && pli.mediaSsrc() == CAMERA_SSRC));
        assertThat(frames).as("no picture without its keyframe").isEmpty();
    }

    @Test
    void everyPacketWithATransportSequenceNumberIsReportedWhateverItsSsrc() throws Exception {
        int extensionId = 3;
        IncomingPeer peer = new IncomingPeer(List.of(new MediaRoute(MediaKind.VIDEO, 96, -1, 0, 0, 1)), 1,
            framesOnly, () -> System.currentTimeMillis() * 1000, 1_000_000, extensionId);
        SecureTransport camera = connect(peer);

        // media on the camera's SSRC, a padding probe on an SSRC no route claims, one packet lost (seq 65534)
        int[] sequence = {65532, 65533, 65535, 0, 1};
        for (int i = 0; i < sequence.length; i++) {
            long ssrc = i == 3 ? 0xBEEF : CAMERA_SSRC;
            byte[] seq = {(byte) (sequence[i] >> 8), (byte) sequence[i]};
            byte[] rtp = new OutgoingRtpPacket(false, i == 3 ? 97 : 96, 100 + i, 0, ssrc, List.of(),
                List.of(HeaderExtension.of(extensionId, seq)), new byte[] {0x09, 0x10}, 0).encode();
            camera.sendRtp(rtp, 0, rtp.length);
        }

        await().atMost(10, TimeUnit.SECONDS).until(() -> reported(sequence));
        assertThat(peer.transportFeedbackCounters().get(TransportFeedback.Counter.RECORDED)).isEqualTo(5);
        assertThat(peer.transportFeedbackCounters().get(TransportFeedback.Counter.FEEDBACK_SENT)).isPositive();
    }

    /** Whether transport-wide feedback (of however many reports) says 65534 was lost and the others arrived. */
    private boolean reported(int... received) {
        Map<Integer, Boolean> statuses = new HashMap<>();
        cameraFeedback.stream().filter(p -> p instanceof TransportCc cc && cc.senderSsrc() == 1).forEach(p -> {
            TransportCc cc = (TransportCc) p;
            for (int i = 0; i < cc.deltas().size(); i++) {
                statuses.put((cc.baseSequenceNumber() + i) & 0xFFFF, cc.deltas().get(i) != TransportCc.NOT_RECEIVED);
            }
        });
        return Arrays.stream(received).allMatch(seq -> statuses.getOrDefault(seq, false))
            && Boolean.FALSE.equals(statuses.get(65534)) && statuses.size() == received.length + 1;
    }

    /** Freshet's side with {@code peer} as its receiver, connected; returns the camera's transport. */
    private SecureTransport connect(IncomingPeer peer) throws Exception {
        LoopbackPair pair = new LoopbackPair(peer, new SecureTransport.Receiver() {
            @Override
            public void rtp(byte[] packet, int offset, int length) {
            }

            @Override
            public void rtcp(byte[] packet, int offset, int length) {
                cameraFeedback.addAll(RtcpCompound.decode(packet, offset, length));
            }
        });
        closing.add(pair);
        peer.attach(pair.server);
        pair.ready();
        timer.scheduleAtFixedRate(peer::tick, 10, 10, TimeUnit.MILLISECONDS);
        return pair.camera;
    }

    /**
     * Sends access units {@code from}.. of {@code units} as RTP, paced at 30 fps as a camera sends
     * them (a burst of a whole clip can overflow socket buffers on a busy machine, and this camera
     * does not answer NACKs); returns the packet count.
     */
    private static long publish(SecureTransport camera, List<byte[]> units, int from, int firstSequenceNumber)
            throws Exception {
        H264Packetizer packetizer = new H264Packetizer(1200, 4, firstSequenceNumber);
        long sent = 0;
        for (int i = from; i < units.size(); i++) {
            for (RtpPayload payload : packetizer.packetize(units.get(i), 3000L * i)) {
                byte[] rtp = OutgoingRtpPacket.of(payload.marker(), 96, payload.sequenceNumber(), payload.timestamp(),
                    CAMERA_SSRC, payload.toByteArray()).encode();
                camera.sendRtp(rtp, 0, rtp.length);
                sent++;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(33));
        }
        return sent;
    }
}
