package dev.freshet.webrtc.ice;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * A UDP candidate (RFC 8445 §5.1), local or remote, in the terms SDP's {@code a=candidate} uses.
 *
 * @param foundation identifies candidates of the same kind and base
 * @param priority   RFC 8445 §5.1.2 priority
 * @param address    where the candidate receives
 * @param type       {@code host}, {@code srflx}, {@code prflx} or {@code relay}
 */
public record IceCandidate(String foundation, long priority, InetSocketAddress address, String type) {

    public IceCandidate {
        Objects.requireNonNull(foundation, "foundation");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(type, "type");
    }
}
