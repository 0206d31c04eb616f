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
import java.util.function.Consumer;

/**
 * ICE for one peer connection on the shared {@link IcePort}: one ice4j {@code Agent} with one media
 * stream and one component (everything bundled, RTCP multiplexed), whose only local candidate is
 * the port's host candidate. Once connected, {@link #socket()} carries the peer's DTLS, SRTP and
 * SRTCP, and its STUN consent checks keep flowing underneath.
 *
 * <p>An ICE restart (RFC 8445 section 9: new credentials on both sides, the DTLS association kept)
 * runs a second agent with new local credentials beside the first; ice4j cannot change an agent's
 * credentials. Until the new agent connects the old one carries the media; then {@link #socket()}
 * and {@link #send} move to the new one and the old one is freed. A restart that fails leaves the
 * old agent in place.
 *
 * <p>Controlled toward browsers and cameras that offer (they run full ICE and nominate);
 * controlling where Freshet offers (storage sessions).
 *
 * <p>Thread-safe.
 */
public final class IceSession implements AutoCloseable {

    /** One agent: its media stream and its one component. */
    private record Path(Agent agent, IceMediaStream stream, Component component) {
    }

    private final CandidateHarvester harvester;
    private final boolean controlling;
    private final CompletableFuture<Void> connected = new CompletableFuture<>();
    private volatile Path current;
    /** The agent of a restart under way; guarded by this. */
    private Path restarting;
    private int restarts;
    private boolean closed;

    private IceSession(CandidateHarvester harvester, boolean controlling) {
        this.harvester = harvester;
        this.controlling = controlling;
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
        IceSession session = new IceSession(harvester, controlling);
        session.current = session.path(session::stateChanged);
        return session;
    }

    /** The local credentials of the newest agent: the restart's while one is under way. */
    public synchronized IceCredentials localCredentials() {
        Agent agent = newest().agent();
        return new IceCredentials(agent.getLocalUfrag(), agent.getLocalPassword());
    }

    /** The peer's credentials as the newest agent knows them (empty strings before {@link #start}). */
    public synchronized IceCredentials remoteCredentials() {
        IceMediaStream stream = newest().stream();
        return new IceCredentials(nullToEmpty(stream.getRemoteUfrag()), nullToEmpty(stream.getRemotePassword()));
    }

    public synchronized List<IceCandidate> localCandidates() {
        return newest().component().getLocalCandidates().stream().map(IceSession::candidate).toList();
    }

    /**
     * The peer's credentials and whatever candidates it gave (it may give none: its checks reveal
     * its address as a peer-reflexive candidate), then starts connectivity checks.
     */
    public void start(IceCredentials remote, List<IceCandidate> remoteCandidates) {
        begin(current, remote, remoteCandidates);
    }

    /**
     * Restarts ICE with the peer's new credentials: a new agent with new local credentials (read
     * them, and the candidates, from {@link #localCredentials()} and {@link #localCandidates()})
     * takes over once the peer's checks with the new credentials connect it. A restart still
     * under way is abandoned for this one.
     */
    public synchronized void restart(IceCredentials remote) {
        if (closed) {
            throw new IllegalStateException("ICE session closed");
        }
        if (restarting != null) {
            restarting.agent().free();
        }
        Path[] created = new Path[1];
        created[0] = path(state -> restartStateChanged(created[0], state));
        restarting = created[0];
        begin(restarting, remote, List.of());
    }

    /** ICE restarts that completed: the new agent carries the media. */
    public synchronized int restarts() {
        return restarts;
    }

    /** Completes when a pair is selected; fails when ICE fails. */
    public CompletableFuture<Void> connected() {
        return connected;
    }

    /** The peer's datagrams over the selected pair (STUN already taken out); another socket after a restart. */
    public DatagramSocket socket() {
        return current.component().getSocket();
    }

    /** Sends one datagram over the selected pair. */
    public void send(byte[] data, int offset, int length) throws IOException {
        current.component().send(data, offset, length);
    }

    @Override
    public void close() {
        Path pending;
        synchronized (this) {
            closed = true;
            pending = restarting;
            restarting = null;
        }
        if (pending != null) {
            pending.agent().free();
        }
        current.agent().free();
        connected.completeExceptionally(new IOException("ICE session closed"));
    }

    private Path path(Consumer<IceProcessingState> onState) {
        Agent agent = new Agent();
        try {
            agent.setControlling(controlling);
            agent.setUseDynamicPorts(false);
            agent.addCandidateHarvester(harvester);
            IceMediaStream stream = agent.createMediaStream("bundle");
            Component component = agent.createComponent(stream, KeepAliveStrategy.SELECTED_ONLY, true);
            agent.addStateChangeListener(event -> onState.accept((IceProcessingState) event.getNewValue()));
            return new Path(agent, stream, component);
        } catch (IOException e) {
            agent.free();
            throw new UncheckedIOException("ICE setup failed", e);
        } catch (RuntimeException e) {
            agent.free();
            throw e;
        }
    }

    private static void begin(Path path, IceCredentials remote, List<IceCandidate> remoteCandidates) {
        path.stream().setRemoteUfrag(remote.ufrag());
        path.stream().setRemotePassword(remote.password());
        for (IceCandidate candidate : remoteCandidates) {
            path.component().addRemoteCandidate(new RemoteCandidate(transport(candidate.address()), path.component(),
                CandidateType.parse(candidate.type()), candidate.foundation(), candidate.priority(), null));
        }
        path.agent().startConnectivityEstablishment();
    }

    private Path newest() {
        return restarting != null ? restarting : current;
    }

    private void stateChanged(IceProcessingState state) {
        if (isConnected(state)) {
            connected.complete(null);
        } else if (state == IceProcessingState.FAILED) {
            connected.completeExceptionally(new IOException("ICE failed: no candidate pair worked"));
        }
    }

    /** The restart's agent connected (it takes over) or failed (it goes, the old one stays). */
    private void restartStateChanged(Path path, IceProcessingState state) {
        Path retired;
        synchronized (this) {
            if (path == null || path != restarting || !isConnected(state) && state != IceProcessingState.FAILED) {
                return;
            }
            restarting = null;
            if (state == IceProcessingState.FAILED) {
                retired = path;
            } else {
                retired = current;
                current = path;
                restarts++;
            }
        }
        // the reader and senders move to the new socket; the old one closes under them
        retired.agent().free();
        if (isConnected(state)) {
            connected.complete(null);
        }
    }

    private static boolean isConnected(IceProcessingState state) {
        return state == IceProcessingState.COMPLETED || state == IceProcessingState.TERMINATED;
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
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
