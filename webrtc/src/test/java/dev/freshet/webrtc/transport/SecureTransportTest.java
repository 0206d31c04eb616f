package dev.freshet.webrtc.transport;

import dev.freshet.webrtc.rtcp.PictureLossIndication;
import dev.freshet.webrtc.rtcp.RtcpCompound;
import dev.freshet.webrtc.rtcp.RtcpPacket;
import dev.freshet.webrtc.rtp.OutgoingRtpPacket;
import dev.freshet.webrtc.rtp.RtpPacket;
import dev.freshet.webrtc.srtp.SrtpProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A camera-like peer (its own loopback socket, ICE controlling, DTLS client) and Freshet's side (the
 * shared port, ICE controlled, DTLS server) connect over loopback; RTP goes up, RTCP comes back,
 * both encrypted, and a forged packet is refused.
 */
class SecureTransportTest {

    private final LinkedBlockingQueue<byte[]> serverRtp = new LinkedBlockingQueue<>();
    private final LinkedBlockingQueue<byte[]> cameraRtp = new LinkedBlockingQueue<>();
    private final LinkedBlockingQueue<byte[]> cameraRtcp = new LinkedBlockingQueue<>();
    private LoopbackPair pair;
    private SecureTransport server;
    private SecureTransport camera;

    @BeforeEach
    void connect() throws Exception {
        pair = new LoopbackPair(receiver(serverRtp, new LinkedBlockingQueue<>()),
            receiver(cameraRtp, cameraRtcp));
        server = pair.server;
        camera = pair.camera;
    }

    @AfterEach
    void close() {
        pair.close();
    }

    @Test
    void rtpGoesUpAndRtcpComesBackEncrypted() throws Exception {
        assertThat(server.ready().get(10, TimeUnit.SECONDS)).isEqualTo(SrtpProfile.AEAD_AES_128_GCM);
        assertThat(camera.ready().get(10, TimeUnit.SECONDS)).isEqualTo(SrtpProfile.AEAD_AES_128_GCM);

        byte[] payload = new byte[900];
        Arrays.fill(payload, (byte) 0x5A);
        byte[] rtp = OutgoingRtpPacket.of(true, 96, 65535, 90_000, 0x1234_5678L, payload).encode();
        assertThat(camera.sendRtp(rtp, 0, rtp.length)).isTrue();
        byte[] received = serverRtp.poll(5, TimeUnit.SECONDS);
        assertThat(received).as("the server decrypts the camera's packet").isEqualTo(rtp);
        RtpPacket packet = RtpPacket.decode(received, 0, received.length);
        assertThat(packet.sequenceNumber()).isEqualTo(65535);

        byte[] pli = RtcpCompound.encode(List.of(new PictureLossIndication(1, 0x1234_5678L)));
        assertThat(server.sendRtcp(pli, 0, pli.length)).isTrue();
        byte[] feedback = cameraRtcp.poll(5, TimeUnit.SECONDS);
        List<RtcpPacket> packets = RtcpCompound.decode(feedback, 0, feedback.length);
        assertThat(packets).singleElement().isEqualTo(new PictureLossIndication(1, 0x1234_5678L));
        assertThat(server.counters().rtp()).isEqualTo(1);
    }

    @Test
    void mediaTheServerSendsRightBehindItsLastFlightReachesTheClient() throws Exception {
        // on the server's handshake thread, as soon as it has keys: the client may not have them yet
        server.ready().thenRun(() -> {
            for (int i = 0; i < 3; i++) {
                send(server, i);
            }
        });
        camera.ready().get(10, TimeUnit.SECONDS);
        // the client can finish first: the server derives its keys after sending its last flight
        server.ready().get(10, TimeUnit.SECONDS);
        send(server, 3);

        for (int i = 0; i < 4; i++) {
            assertThat(cameraRtp.poll(5, TimeUnit.SECONDS)).as("packet %d", i).isNotNull();
        }
        assertThat(camera.counters().beforeKeys()).isZero();
    }

    @Test
    void aForgedOrReplayedPacketIsCountedAndDropped() throws Exception {
        server.ready().get(10, TimeUnit.SECONDS);
        camera.ready().get(10, TimeUnit.SECONDS);
        byte[] forged = OutgoingRtpPacket.of(false, 96, 7, 1, 0x42, new byte[100]).encode();
        pair.cameraIce.send(forged, 0, forged.length);
        byte[] good = OutgoingRtpPacket.of(false, 96, 8, 2, 0x42, new byte[100]).encode();
        camera.sendRtp(good, 0, good.length);

        assertThat(serverRtp.poll(5, TimeUnit.SECONDS)).as("only the real packet arrives").isEqualTo(good);
        assertThat(server.counters().authFailed()).isEqualTo(1);
        assertThat(serverRtp).isEmpty();
    }

    private static void send(SecureTransport from, int sequenceNumber) {
        byte[] rtp = OutgoingRtpPacket.of(true, 96, sequenceNumber, 3000L * sequenceNumber, 0x0BAD_CAFEL,
            new byte[200]).encode();
        try {
            assertThat(from.sendRtp(rtp, 0, rtp.length)).as("sent with keys").isTrue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void mediaSentTheMomentTheClientIsDoneIsNotLost() throws Exception {
        camera.ready().get(10, TimeUnit.SECONDS);
        // a browser sends its first keyframe at once, whether or not the server has made its keys yet
        for (int seq = 0; seq < 100; seq++) {
            byte[] rtp = OutgoingRtpPacket.of(seq == 99, 96, seq, 90_000, 0x1234_5678L, new byte[1100]).encode();
            assertThat(camera.sendRtp(rtp, 0, rtp.length)).isTrue();
        }

        for (int seq = 0; seq < 100; seq++) {
            byte[] received = serverRtp.poll(5, TimeUnit.SECONDS);
            assertThat(received).as("packet %d", seq).isNotNull();
            assertThat(RtpPacket.decode(received, 0, received.length).sequenceNumber()).isEqualTo(seq);
        }
        assertThat(server.counters().beforeKeys()).isZero();
    }

    private static SecureTransport.Receiver receiver(LinkedBlockingQueue<byte[]> rtp, LinkedBlockingQueue<byte[]> rtcp) {
        return new SecureTransport.Receiver() {
            @Override
            public void rtp(byte[] packet, int offset, int length) {
                rtp.add(Arrays.copyOfRange(packet, offset, offset + length));
            }

            @Override
            public void rtcp(byte[] packet, int offset, int length) {
                rtcp.add(Arrays.copyOfRange(packet, offset, offset + length));
            }
        };
    }
}
