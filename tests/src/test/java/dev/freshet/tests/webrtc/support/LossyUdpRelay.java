package dev.freshet.tests.webrtc.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketException;
import java.util.Arrays;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * A UDP relay on loopback between one WebRTC publisher and the server that loses and reorders the
 * publisher's media on purpose, as a bad network would. The publisher sends to the relay's address
 * (the server advertises it as its candidate); the relay forwards each datagram from a socket of its
 * own to the server, and the server's answers back to whoever sent last.
 *
 * <pre>
 *   publisher ──▶ front (listen) ── impair ──▶ back ──▶ server
 *   publisher ◀── front          ◀──────────── back ◀── server
 * </pre>
 *
 * Only RTP of the impaired payload types is touched (told apart by first byte, RFC 7983, and RTP from
 * RTCP by the second, RFC 5761 4): STUN, DTLS and RTCP pass untouched, since losing them would only
 * slow the handshake, and the retransmissions (RTX, another payload type) pass too. Of that media a
 * seeded-random fraction is dropped, and another is held back until {@link #REORDER_DEPTH} later
 * packets have gone. The RTP header is not encrypted by SRTP (RFC 3711 3.1), so the payload type is
 * readable on the wire.
 *
 * <p>It can also forge on the selected pair, as an attacker on the path would ({@link #forgeAround}):
 * a media packet preceded by a copy whose SRTP authentication tag has a bit flipped, and followed by
 * a copy of itself (a replay). The forged copy goes first because the receiver checks the replay
 * window before the tag; the original still arrives, so the stream loses nothing.
 *
 * <p>Thread-safe: one thread per direction; the counters may be read from any thread.
 */
public final class LossyUdpRelay implements AutoCloseable {
    /** How many later media packets overtake one held back. */
    public static final int REORDER_DEPTH = 3;

    private static final int MAX_DATAGRAM = 2048;

    /**
     * What to do to the publisher's media.
     *
     * @param seed            of the random choices
     * @param dropFraction    of the impaired packets dropped
     * @param reorderFraction of the impaired packets held back
     * @param payloadTypes    the RTP payload types impaired
     */
    public record Impairment(long seed, double dropFraction, double reorderFraction, Set<Integer> payloadTypes) {
    }

    private final DatagramSocket front;
    private final DatagramSocket back;
    private final InetSocketAddress server;
    private final Impairment impairment;
    private final Random random;
    private final Thread upstream;
    private final Thread downstream;
    private final LongAdder dropped = new LongAdder();
    private final LongAdder reordered = new LongAdder();
    private final ConcurrentMap<Integer, LongAdder> rtpByPayloadType = new ConcurrentHashMap<>();
    private final LongAdder stunAndDtls = new LongAdder();
    private final AtomicInteger toForge = new AtomicInteger();
    private final LongAdder forged = new LongAdder();
    private final LongAdder replayed = new LongAdder();
    private volatile SocketAddress publisher;
    private DatagramPacket held;
    private int heldFor;

    private LossyUdpRelay(InetSocketAddress listen, InetSocketAddress server, Impairment impairment)
            throws SocketException {
        this.front = new DatagramSocket(listen);
        this.back = new DatagramSocket(new InetSocketAddress(listen.getAddress(), 0));
        this.server = server;
        this.impairment = impairment;
        this.random = new Random(impairment.seed());
        this.upstream = new Thread(this::relayUpstream, "lossy-relay-up");
        this.downstream = new Thread(this::relayDownstream, "lossy-relay-down");
        upstream.setDaemon(true);
        downstream.setDaemon(true);
        upstream.start();
        downstream.start();
    }

    /**
     * A relay listening on {@code listen} (port 0 picks one) for the publisher, forwarding to
     * {@code server}, which may start later.
     */
    public static LossyUdpRelay start(InetSocketAddress listen, InetSocketAddress server, Impairment impairment) {
        try {
            return new LossyUdpRelay(listen, server, impairment);
        } catch (SocketException e) {
            throw new UncheckedIOException("cannot bind the relay on " + listen, e);
        }
    }

    /** The port the publisher sends to. */
    public int port() {
        return front.getLocalPort();
    }

    /** Media packets dropped on purpose. */
    public long dropped() {
        return dropped.sum();
    }

    /** Media packets held back and sent after later ones. */
    public long reordered() {
        return reordered.sum();
    }

    /** RTP packets of that payload type the publisher sent (dropped ones included). */
    public long rtpPackets(int payloadType) {
        LongAdder count = rtpByPayloadType.get(payloadType);
        return count == null ? 0 : count.sum();
    }

    /**
     * Sends each of the next {@code count} media packets (RTP of a payload type not impaired)
     * between a copy with a flipped bit in its authentication tag (its last byte) and a replay.
     */
    public void forgeAround(int count) {
        toForge.addAndGet(count);
    }

    /** Copies with a flipped tag bit sent so far. */
    public long forged() {
        return forged.sum();
    }

    /** Replayed copies sent so far. */
    public long replayed() {
        return replayed.sum();
    }

    /** STUN and DTLS datagrams the publisher sent, all forwarded. */
    public long stunAndDtls() {
        return stunAndDtls.sum();
    }

    @Override
    public void close() {
        front.close();
        back.close();
    }

    private void relayUpstream() {
        byte[] buffer = new byte[MAX_DATAGRAM];
        while (!front.isClosed()) {
            DatagramPacket in = new DatagramPacket(buffer, buffer.length);
            if (!receive(front, in)) {
                return;
            }
            publisher = in.getSocketAddress();
            DatagramPacket out = new DatagramPacket(Arrays.copyOf(in.getData(), in.getLength()), in.getLength(),
                    server);
            forwardImpaired(out);
        }
    }

    private void relayDownstream() {
        byte[] buffer = new byte[MAX_DATAGRAM];
        while (!back.isClosed()) {
            DatagramPacket in = new DatagramPacket(buffer, buffer.length);
            if (!receive(back, in)) {
                return;
            }
            SocketAddress to = publisher;
            if (to != null) {
                send(front, new DatagramPacket(in.getData(), in.getLength(), to));
            }
        }
    }

    private void forwardImpaired(DatagramPacket packet) {
        int payloadType = rtpPayloadType(packet.getData(), packet.getLength());
        if (payloadType < 0) {
            if (isStunOrDtls(packet.getData()[0])) {
                stunAndDtls.increment();
            }
            forward(packet);
            return;
        }
        rtpByPayloadType.computeIfAbsent(payloadType, pt -> new LongAdder()).increment();
        if (!impairment.payloadTypes().contains(payloadType)) {
            forwardForging(packet);
            return;
        }
        double dice = random.nextDouble();
        if (dice < impairment.dropFraction()) {
            dropped.increment();
        } else if (dice < impairment.dropFraction() + impairment.reorderFraction() && held == null) {
            held = packet;
            heldFor = 0;
            reordered.increment();
        } else {
            forward(packet);
        }
    }

    /** Forwards a media packet, between forged copies if {@link #forgeAround} asked for them. */
    private void forwardForging(DatagramPacket packet) {
        if (toForge.getAndUpdate(n -> Math.max(0, n - 1)) == 0) {
            forward(packet);
            return;
        }
        byte[] flipped = Arrays.copyOf(packet.getData(), packet.getLength());
        flipped[flipped.length - 1] ^= 1;
        send(back, new DatagramPacket(flipped, flipped.length, server));
        forged.increment();
        forward(packet);
        send(back, new DatagramPacket(packet.getData(), packet.getLength(), server));
        replayed.increment();
    }

    /** Sends a packet on to the server, and the one held back once enough have overtaken it. */
    private void forward(DatagramPacket packet) {
        send(back, packet);
        if (held != null && ++heldFor >= REORDER_DEPTH) {
            send(back, held);
            held = null;
        }
    }

    /** The payload type of an RTP packet (first byte 128..191, RFC 7983), -1 for RTCP and anything else. */
    static int rtpPayloadType(byte[] datagram, int length) {
        if (length < 12) {
            return -1;
        }
        int first = datagram[0] & 0xFF;
        int second = datagram[1] & 0xFF;
        boolean rtpOrRtcp = first >= 128 && first <= 191;
        boolean rtcp = second >= 192 && second <= 223;
        return rtpOrRtcp && !rtcp ? second & 0x7F : -1;
    }

    private static boolean isStunOrDtls(byte first) {
        int b = first & 0xFF;
        return b <= 3 || b >= 20 && b <= 63;
    }

    private static boolean receive(DatagramSocket socket, DatagramPacket packet) {
        try {
            socket.receive(packet);
            return true;
        } catch (IOException e) {
            // closed: the relay is done
            return false;
        }
    }

    private static void send(DatagramSocket socket, DatagramPacket packet) {
        try {
            socket.send(packet);
        } catch (IOException e) {
            // a lost datagram, like any on UDP; the closed socket ends its thread at the next receive
        }
    }
}
