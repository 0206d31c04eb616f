package dev.freshet.webrtc.ice;

import org.ice4j.Transport;
import org.ice4j.TransportAddress;
import org.ice4j.ice.harvest.SinglePortUdpHarvester;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;

/**
 * The one UDP port every WebRTC peer reaches: an ice4j {@link SinglePortUdpHarvester} bound to the
 * configured address, shared by all {@link IceSession}s. It sorts incoming traffic by the username
 * fragment of the peer's first STUN binding request, so each session needs its own local ufrag,
 * and peers must bundle everything on one component (BUNDLE and rtcp-mux, as browsers do) and send
 * the first checks (the server answers them; ICE-lite behaviour toward clients).
 *
 * <p>Binding a loopback address is allowed here, unlike ice4j's host harvester, which skips
 * loopback; tests use 127.0.0.1.
 *
 * <p>Thread-safe.
 */
public final class IcePort implements AutoCloseable {

    private final SinglePortUdpHarvester harvester;

    private IcePort(SinglePortUdpHarvester harvester) {
        this.harvester = harvester;
    }

    /** Binds {@code address} (port 0 picks a free one). */
    public static IcePort bind(InetSocketAddress address) {
        IceHardening.apply();
        try {
            return new IcePort(new SinglePortUdpHarvester(
                new TransportAddress(address.getAddress(), address.getPort(), Transport.UDP)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind the WebRTC UDP port " + address, e);
        }
    }

    /** The bound address, with the actual port. */
    public InetSocketAddress address() {
        TransportAddress local = harvester.getLocalAddress();
        return new InetSocketAddress(local.getAddress(), local.getPort());
    }

    SinglePortUdpHarvester harvester() {
        return harvester;
    }

    @Override
    public void close() {
        harvester.close();
    }
}
