package dev.freshet.tests.webrtc.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * Loopback addresses for WebRTC tests, which run in a network namespace with only {@code lo}: any
 * 127.0.0.x is usable, so a relay or an attacker can take an address of its own.
 *
 * <p>Stateless; thread-safe.
 */
public final class Loopback {

    private Loopback() {
    }

    /** 127.0.0.{@code last}. */
    public static InetAddress address(int last) {
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) last});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A UDP port free on 127.0.0.1 now, for Freshet (a relay may take the same port on another address). */
    public static int freeUdpPort() {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(address(1), 0))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
