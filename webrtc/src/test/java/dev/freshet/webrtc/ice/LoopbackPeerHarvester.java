package dev.freshet.webrtc.ice;

import org.ice4j.Transport;
import org.ice4j.ice.Component;
import org.ice4j.ice.HostCandidate;
import org.ice4j.ice.LocalCandidate;
import org.ice4j.ice.harvest.CandidateHarvester;
import org.ice4j.ice.harvest.HarvestStatistics;
import org.ice4j.socket.IceSocketWrapper;
import org.ice4j.socket.IceUdpSocketWrapper;
import org.ice4j.socket.MultiplexingDatagramSocket;

import java.net.InetAddress;
import java.net.SocketException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;

/**
 * A browser-like test peer's host candidate on loopback, with a socket of its own so it can send
 * the first checks (ice4j's host harvester skips loopback, and a single-port harvester cannot
 * send before it has heard from the peer).
 */
public final class LoopbackPeerHarvester implements CandidateHarvester {

    private final HarvestStatistics statistics = new HarvestStatistics();

    @Override
    public Collection<LocalCandidate> harvest(Component component) {
        try {
            IceSocketWrapper socket = new IceUdpSocketWrapper(
                new MultiplexingDatagramSocket(0, InetAddress.getLoopbackAddress()));
            HostCandidate candidate = new HostCandidate(socket, component, Transport.UDP);
            component.getParentStream().getParentAgent().getStunStack().addSocket(candidate.getStunSocket(null));
            component.getComponentSocket().add(candidate.getCandidateIceSocketWrapper());
            component.addLocalCandidate(candidate);
            return List.of(candidate);
        } catch (SocketException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public HarvestStatistics getHarvestStatistics() {
        return statistics;
    }

    @Override
    public boolean isHostHarvester() {
        return true;
    }
}
