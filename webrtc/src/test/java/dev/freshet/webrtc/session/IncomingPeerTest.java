package dev.freshet.webrtc.session;

import dev.freshet.fragments.media.Frame;
import dev.freshet.fragments.media.MediaKind;
import dev.freshet.webrtc.depacketize.H264Packetizer;
import dev.freshet.webrtc.depacketize.RtpPayload;
import dev.freshet.webrtc.receive.ReceivePipeline;
import dev.freshet.webrtc.receive.X264Clip;
import dev.freshet.webrtc.rtcp.PictureLossIndication;
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
            new IncomingPeer.Output() {
                @Override
                public void codecPrivate(int track, byte[] avcC) {
                }

                @Override
                public void frame(Frame frame, long arrivalMicros) {
                    frames.add(frame);
                }
            }, () -> System.currentTimeMillis() * 1000);
        SecureTransport camera = connect(peer);

        publish(camera, units, 3, 100);

        await().atMost(10, TimeUnit.SECONDS).until(() -> cameraFeedback.stream()
            .anyMatch(p -> p instanceof PictureLossIndication pli && pli.mediaSsrc() == CAMERA_SSRC));
        assertThat(frames).as("no picture without its keyframe").isEmpty();
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
