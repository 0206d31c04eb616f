package dev.freshet.webrtc.ice;

import org.ice4j.Transport;
import org.ice4j.TransportAddress;
import org.ice4j.ice.Agent;
import org.ice4j.ice.CandidateType;
import org.ice4j.ice.Component;
import org.ice4j.ice.IceMediaStream;
import org.ice4j.ice.IceProcessingState;
import org.ice4j.ice.KeepAliveStrategy;
import org.ice4j.ice.RemoteCandidate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A peer running full ICE (a second ice4j agent, controlling, as a browser is) connects to an
 * {@link IceSession} on the shared {@link IcePort}, over loopback only.
 */
class IceSessionTest {

    private IcePort port;
    private Agent peer;

    @BeforeEach
    void bind() throws Exception {
        port = IcePort.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    @AfterEach
    void close() {
        if (peer != null) {
            peer.free();
        }
        port.close();
    }

    @Test
    void theOnlyLocalCandidateIsThePortsHostCandidate() {
        try (IceSession session = IceSession.open(port, false)) {
            assertThat(session.localCandidates()).singleElement().satisfies(candidate -> {
                assertThat(candidate.address()).isEqualTo(port.address());
                assertThat(candidate.type()).isEqualTo("host");
            });
            assertThat(session.localCredentials().ufrag()).isNotBlank();
            assertThat(session.localCredentials().password()).hasSizeGreaterThanOrEqualTo(22);
        }
    }

    @Test
    void aPeerThatChecksConnectsAndDatagramsFlowBothWays() throws Exception {
        try (IceSession session = IceSession.open(port, false)) {
            Component peerComponent = startPeer(session);
            session.start(peerCredentials(), List.of());

            session.connected().get(10, TimeUnit.SECONDS);
            awaitPeerConnected();
            byte[] hello = "hello from the camera".getBytes(StandardCharsets.UTF_8);
            peerComponent.send(hello, 0, hello.length);
            assertThat(receive(session.socket())).isEqualTo("hello from the camera");
            byte[] back = "hello from Freshet".getBytes(StandardCharsets.UTF_8);
            session.send(back, 0, back.length);
            assertThat(receive(peerComponent.getSocket())).isEqualTo("hello from Freshet");
        }
    }

    @Test
    void garbageOnThePortDoesNotKeepAPeerFromConnecting() throws Exception {
        try (DatagramSocket noise = new DatagramSocket(0, InetAddress.getLoopbackAddress());
             IceSession session = IceSession.open(port, false)) {
            Random random = new Random(7);
            for (int i = 0; i < 200; i++) {
                byte[] junk = new byte[1 + random.nextInt(1400)];
                random.nextBytes(junk);
                noise.send(new DatagramPacket(junk, junk.length, port.address()));
            }
            startPeer(session);
            session.start(peerCredentials(), List.of());

            session.connected().get(10, TimeUnit.SECONDS);
        }
    }

    /** The peer agent: controlling, its own loopback port, the session's candidate as remote. */
    private Component startPeer(IceSession session) throws Exception {
        peer = new Agent();
        peer.setControlling(true);
        peer.setUseDynamicPorts(false);
        peer.addCandidateHarvester(new LoopbackPeerHarvester());
        IceMediaStream stream = peer.createMediaStream("bundle");
        Component component = peer.createComponent(stream, KeepAliveStrategy.SELECTED_ONLY, true);
        stream.setRemoteUfrag(session.localCredentials().ufrag());
        stream.setRemotePassword(session.localCredentials().password());
        for (IceCandidate candidate : session.localCandidates()) {
            component.addRemoteCandidate(new RemoteCandidate(new TransportAddress(candidate.address().getAddress(),
                candidate.address().getPort(), Transport.UDP), component, CandidateType.HOST_CANDIDATE,
                candidate.foundation(), candidate.priority(), null));
        }
        peer.startConnectivityEstablishment();
        return component;
    }

    private IceCredentials peerCredentials() {
        return new IceCredentials(peer.getLocalUfrag(), peer.getLocalPassword());
    }

    private void awaitPeerConnected() throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        peer.addStateChangeListener(event -> {
            if (event.getNewValue() == IceProcessingState.COMPLETED) {
                done.complete(null);
            }
        });
        if (peer.getState() == IceProcessingState.COMPLETED || peer.getState() == IceProcessingState.TERMINATED) {
            done.complete(null);
        }
        done.get(10, TimeUnit.SECONDS);
    }

    private static String receive(DatagramSocket socket) throws Exception {
        DatagramPacket packet = new DatagramPacket(new byte[1500], 1500);
        socket.setSoTimeout(5000);
        socket.receive(packet);
        return new String(packet.getData(), packet.getOffset(), packet.getLength(), StandardCharsets.UTF_8);
    }
}
