package dev.freshet.signaling.whip;

import dev.freshet.webrtc.ice.IceCandidate;
import dev.freshet.webrtc.sdp.Candidate;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * The host candidates an answer offers: the bound address of the one UDP port, or in its place the
 * advertised addresses (a 1:1 NAT's public address, where the bound one is private).
 *
 * <p>Immutable.
 */
public final class Candidates {

    private final List<InetAddress> advertised;

    /** @param advertised addresses to announce instead of the bound one; empty to announce it */
    public Candidates(List<InetAddress> advertised) {
        this.advertised = List.copyOf(advertised);
    }

    public List<Candidate> of(List<IceCandidate> local) {
        List<Candidate> candidates = new ArrayList<>();
        for (IceCandidate candidate : local) {
            if (advertised.isEmpty()) {
                candidates.add(host(candidates.size(), candidate.address().getAddress(), candidate.address().getPort()));
            } else {
                for (InetAddress address : advertised) {
                    candidates.add(host(candidates.size(), address, candidate.address().getPort()));
                }
            }
        }
        return candidates;
    }

    private static Candidate host(int index, InetAddress address, int port) {
        return Candidate.host(Integer.toString(index + 1), address.getHostAddress(), port);
    }
}
