package dev.freshet.webrtc.dtls;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.tls.DatagramTransport;

/**
 * Adapts the ICE socket, which lives elsewhere, to Bouncy Castle's blocking
 * {@link DatagramTransport}: the demultiplexer {@link #deliver}s each DTLS datagram (first byte
 * 20..63, RFC 7983) and outgoing records go to a {@link Sender}. Received datagrams wait in a
 * small bounded queue; when it is full the newest is dropped and counted, which DTLS
 * retransmission tolerates, so the socket thread never blocks on a slow handshake.
 *
 * <p>Thread-safe: one thread delivers, the DTLS thread receives and sends.
 */
public final class QueuedDatagramTransport implements DatagramTransport {

    /** Where our DTLS records go: the ICE socket's selected pair. */
    @FunctionalInterface
    public interface Sender {
        void send(byte[] buffer, int offset, int length) throws IOException;
    }

    /** The largest UDP payload on a 1500-byte Ethernet path; anything bigger was fragmented anyway. */
    private static final int RECEIVE_LIMIT = 1500;
    private static final byte[] CLOSED = new byte[0];

    private final Sender sender;
    private final int sendLimit;
    private final BlockingQueue<byte[]> received;
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean closed;

    /**
     * @param sendLimit largest record we send; WebRTC stacks use ~1200 so DTLS over TURN over
     *                  IPv6 still fits one unfragmented packet
     * @param queueCapacity datagrams buffered before dropping; a flight is a handful of records
     */
    public QueuedDatagramTransport(Sender sender, int sendLimit, int queueCapacity) {
        this.sender = sender;
        this.sendLimit = sendLimit;
        this.received = new ArrayBlockingQueue<>(queueCapacity);
    }

    /** Hands over a received datagram (copied); false if it was dropped (queue full or closed). */
    public boolean deliver(byte[] buffer, int offset, int length) {
        if (closed || length <= 0) {
            return false;
        }
        boolean queued = received.offer(Arrays.copyOfRange(buffer, offset, offset + length));
        if (!queued) {
            dropped.incrementAndGet();
        }
        return queued;
    }

    /** Datagrams dropped because the DTLS thread did not keep up. */
    public long dropped() {
        return dropped.get();
    }

    @Override
    public int getReceiveLimit() {
        return RECEIVE_LIMIT;
    }

    @Override
    public int getSendLimit() {
        return sendLimit;
    }

    /** Bouncy Castle reads -1 as "nothing within waitMillis" and retransmits or times out. */
    @Override
    public int receive(byte[] buf, int off, int len, int waitMillis) throws IOException {
        if (closed) {
            throw new IOException("DTLS transport closed");
        }
        byte[] datagram;
        try {
            datagram = received.poll(waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted waiting for a DTLS datagram");
        }
        if (datagram == null) {
            return -1;
        }
        if (datagram == CLOSED) {
            throw new IOException("DTLS transport closed");
        }
        int n = Math.min(len, datagram.length);
        System.arraycopy(datagram, 0, buf, off, n);
        return n;
    }

    @Override
    public void send(byte[] buf, int off, int len) throws IOException {
        if (closed) {
            throw new IOException("DTLS transport closed");
        }
        sender.send(buf, off, len);
    }

    /** Stops the transport; a thread blocked in receive wakes up with an IOException. */
    @Override
    public void close() {
        closed = true;
        received.clear();
        received.offer(CLOSED);
    }
}
