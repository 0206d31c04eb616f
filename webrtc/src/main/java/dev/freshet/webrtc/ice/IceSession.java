package dev.freshet.webrtc.ice;

import org.ice4j.Transport;
import org.ice4j.TransportAddress;
import org.ice4j.ice.Agent;
import org.ice4j.ice.CandidateType;
import org.ice4j.ice.Component;
import org.ice4j.ice.IceMediaStream;
import org.ice4j.ice.IceProcessingState;
import org.ice4j.ice.KeepAliveStrategy;
import org.ice4j.ice.LocalCandidate;
import org.ice4j.ice.RemoteCandidate;
import org.ice4j.ice.harvest.CandidateHarvester;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * ICE for one peer connection on the shared {@link IcePort}: one ice4j {@code Agent} with one media
 * stream and one component (everything bundled, RTCP multiplexed), whose only local candidate is
 * the port's host candidate. Once connected, {@link #socket()} carries the peer's DTLS, SRTP and
 * SRTCP, and its STUN consent checks keep flowing underneath.
 *
 * <p>Controlled toward browsers and cameras that offer (they run full ICE and nominate);
 * controlling where Freshet offers (storage sessions).
 *
 * <p>Thread-safe.
 */
public final class IceSession implements AutoCloseable {

    private final Agent agent;
    private final IceMediaStream stream;
    private final Component component;
    private final CompletableFuture<Void> connected = new CompletableFuture<>();

    private IceSession(Agent agent, IceMediaStream stream, Component component) {
        this.agent = agent;
        this.stream = stream;
        this.component = component;
    }

    /** A session gathering only {@code port}'s candidate. */
    public static IceSession open(IcePort port, boolean controlling) {
        return withHarvester(port.harvester(), controlling);
    }

    /**
     * A session gathering only what {@code harvester} gives: for a peer with sockets of its own,
     * which can send the first checks (test peers, the load generator's simulated cameras).
     */
    public static IceSession withHarvester(CandidateHarvester harvester, boolean controlling) {
        IceHardening.apply();
        Agent agent = new Agent();
        try {
            agent.setControlling(controlling);
            agent.setUseDynamicPorts(false);
            agent.addCandidateHarvester(harvester);
            IceMediaStream stream = agent.createMediaStream("bundle");
            Component component = agent.createComponent(stream, KeepAliveStrategy.SELECTED_ONLY, true);
            IceSession session = new IceSession(agent, stream, component);
            agent.addStateChangeListener(event -> session.stateChanged((IceProcessingState) event.getNewValue()));
            return session;
        } catch (IOException e) {
            agent.free();
            throw new UncheckedIOException("ICE setup failed", e);
        } catch (RuntimeException e) {
            agent.free();
            throw e;
        }
    }

    public IceCredentials localCredentials() {
        return new IceCredentials(agent.getLocalUfrag(), agent.getLocalPassword());
    }

    public List<IceCandidate> localCandidates() {
        return component.getLocalCandidates().stream().map(IceSession::candidate).toList();
    }

    /**
     * The peer's credentials and whatever candidates it gave (it may give none: its checks reveal
     * its address as a peer-reflexive candidate), then starts connectivity checks.
     */
    public void start(IceCredentials remote, List<IceCandidate> remoteCandidates) {
        stream.setRemoteUfrag(remote.ufrag());
        stream.setRemotePassword(remote.password());
        for (IceCandidate candidate : remoteCandidates) {
            component.addRemoteCandidate(new RemoteCandidate(transport(candidate.address()), component,
                CandidateType.parse(candidate.type()), candidate.foundation(), candidate.priority(), null));
        }
        agent.startConnectivityEstablishment();
    }

    /** Completes when a pair is selected; fails when ICE fails. */
    public CompletableFuture<Void> connected() {
        return connected;
    }

    /** The peer's datagrams over the selected pair (STUN already taken out). */
    public DatagramSocket socket() {
        return component.getSocket();
    }

    /** Sends one datagram over the selected pair. */
    public void send(byte[] data, int offset, int length) throws IOException {
        component.send(data, offset, length);
    }

    @Override
    public void close() {
        agent.free();
        connected.completeExceptionally(new IOException("ICE session closed"));
    }

    private void stateChanged(IceProcessingState state) {
        if (state == IceProcessingState.COMPLETED || state == IceProcessingState.TERMINATED) {
            connected.complete(null);
        } else if (state == IceProcessingState.FAILED) {
            connected.completeExceptionally(new IOException("ICE failed: no candidate pair worked"));
        }
    }

    private static IceCandidate candidate(LocalCandidate local) {
        TransportAddress address = local.getTransportAddress();
        return new IceCandidate(local.getFoundation(), local.getPriority(),
            new InetSocketAddress(address.getAddress(), address.getPort()), local.getType().toString());
    }

    private static TransportAddress transport(InetSocketAddress address) {
        return new TransportAddress(address.getAddress(), address.getPort(), Transport.UDP);
    }
}
