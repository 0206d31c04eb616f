package dev.freshet.webrtc.transport;

import dev.freshet.webrtc.dtls.DtlsHandshakeException;
import dev.freshet.webrtc.dtls.DtlsParameters;
import dev.freshet.webrtc.dtls.DtlsTransport;
import dev.freshet.webrtc.dtls.QueuedDatagramTransport;
import dev.freshet.webrtc.ice.IceSession;
import dev.freshet.webrtc.mux.DatagramKind;
import dev.freshet.webrtc.srtp.SrtcpContext;
import dev.freshet.webrtc.srtp.SrtpContext;
import dev.freshet.webrtc.srtp.SrtpProfile;
import dev.freshet.webrtc.srtp.UnprotectResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.SocketTimeoutException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;

/**
 * One peer's secure media transport over its connected {@link IceSession}: the datagrams of the
 * selected pair are told apart by their first byte ({@link DatagramKind}), DTLS records go to the
 * handshake, and once it has exported the keys, SRTP and SRTCP are authenticated, decrypted and
 * handed to the {@link Receiver}; what fails is counted ({@link TransportCounters}) and dropped.
 * SRTP and SRTCP that come before the keys are held ({@link EarlyMedia}, up to 512 KiB) and read
 * once the keys exist. Outgoing RTP and RTCP are protected with the sending keys.
 *
 * <pre>
 *   ICE socket ─▶ demux ─┬─ DTLS ─────▶ handshake ─▶ keys
 *                        ├─ SRTP ─────▶ unprotect ─▶ Receiver.rtp
 *                        ├─ SRTCP ────▶ unprotect ─▶ Receiver.rtcp
 *                        └─ other ────▶ counted, dropped
 * </pre>
 *
 * <p>Media that arrives before the keys exist is held ({@link EarlyMedia}): a publisher sends its
 * first keyframe right behind its last handshake flight, and when Freshet is the DTLS client the
 * peer may send media before the handshake thread has derived the keys from that flight.
 *
 * <p>One reader thread per transport reads the socket; the blocking handshake runs on a second,
 * short-lived one. Thread-safe: {@link #sendRtp} and {@link #sendRtcp} may be called from any thread.
 */
public final class SecureTransport implements AutoCloseable {

    /** Where decrypted packets go, on the reader thread; the buffer is reused after the call returns. */
    public interface Receiver {
        void rtp(byte[] packet, int offset, int length);

        void rtcp(byte[] packet, int offset, int length);
    }

    /** The SRTP state of both directions, once the handshake made it. */
    private record Keys(SrtpContext inboundRtp, SrtcpContext inboundRtcp, SrtpContext outboundRtp,
                        SrtcpContext outboundRtcp) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(SecureTransport.class);
    private static final int MAX_DATAGRAM = 1500 + 64;
    private static final int DTLS_SEND_LIMIT = 1200;
    private static final int DTLS_QUEUE = 64;
    private static final int POLL_MILLIS = 250;
    /** Media held while the keys are being made: a 1080p keyframe at 8 Mb/s, and more. */
    private static final int EARLY_MEDIA_BYTES = 512 * 1024;

    private final IceSession ice;
    private final Receiver receiver;
    private final String name;
    private final QueuedDatagramTransport dtlsDatagrams;
    private final TransportCounters counters = new TransportCounters();
    private final CompletableFuture<SrtpProfile> ready = new CompletableFuture<>();
    private final EarlyMedia early = new EarlyMedia(EARLY_MEDIA_BYTES);
    private volatile Keys keys;
    private volatile DtlsTransport dtls;
    private volatile boolean closed;

    private SecureTransport(IceSession ice, Receiver receiver, String name) {
        this.ice = ice;
        this.receiver = receiver;
        this.name = name;
        this.dtlsDatagrams = new QueuedDatagramTransport(ice::send, DTLS_SEND_LIMIT, DTLS_QUEUE);
    }

    /** Starts reading {@code ice} (connected) and the DTLS handshake with {@code parameters}. */
    public static SecureTransport start(IceSession ice, DtlsParameters parameters, Receiver receiver, String name) {
        SecureTransport transport = new SecureTransport(ice, receiver, name);
        Thread reader = new Thread(transport::readLoop, "webrtc-rx-" + name);
        reader.setDaemon(true);
        reader.start();
        Thread handshake = new Thread(() -> transport.handshake(parameters), "webrtc-dtls-" + name);
        handshake.setDaemon(true);
        handshake.start();
        return transport;
    }

    /** Completes with the negotiated SRTP profile once media can flow; fails with the handshake. */
    public CompletableFuture<SrtpProfile> ready() {
        return ready;
    }

    public TransportCounters counters() {
        return counters;
    }

    /** Protects and sends one RTP packet; dropped (false) before the keys exist. */
    public boolean sendRtp(byte[] packet, int offset, int length) throws IOException {
        Keys current = keys;
        if (current == null) {
            return false;
        }
        byte[] protectedPacket;
        synchronized (current.outboundRtp()) {
            protectedPacket = current.outboundRtp().protect(packet, offset, length);
        }
        ice.send(protectedPacket, 0, protectedPacket.length);
        return true;
    }

    /** Protects and sends one RTCP compound packet; dropped (false) before the keys exist. */
    public boolean sendRtcp(byte[] packet, int offset, int length) throws IOException {
        Keys current = keys;
        if (current == null) {
            return false;
        }
        byte[] protectedPacket;
        synchronized (current.outboundRtcp()) {
            protectedPacket = current.outboundRtcp().protect(packet, offset, length);
        }
        ice.send(protectedPacket, 0, protectedPacket.length);
        return true;
    }

    @Override
    public void close() {
        closed = true;
        dtlsDatagrams.close();
        DtlsTransport association = dtls;
        if (association != null) {
            association.close();
        }
        ready.completeExceptionally(new IOException("transport closed"));
    }

    private void handshake(DtlsParameters parameters) {
        try {
            DtlsTransport association = DtlsTransport.handshake(parameters, dtlsDatagrams);
            dtls = association;
            SrtpProfile profile = association.srtpKeyingMaterial().profile();
            keys = new Keys(SrtpContext.create(profile, association.receivingKey()),
                SrtcpContext.create(profile, association.receivingKey()),
                SrtpContext.create(profile, association.sendingKey()),
                SrtcpContext.create(profile, association.sendingKey()));
            ready.complete(profile);
        } catch (DtlsHandshakeException e) {
            LOG.atInfo().setMessage("DTLS handshake failed").addKeyValue("session", name)
                .addKeyValue("reason", e.getMessage()).log();
            ready.completeExceptionally(e);
        }
    }

    private void readLoop() {
        byte[] buffer = new byte[MAX_DATAGRAM];
        DatagramPacket datagram = new DatagramPacket(buffer, buffer.length);
        DatagramSocket socket = null;
        while (!closed) {
            // an ICE restart moves the pair to another socket; the old one closes under the read
            if (socket != ice.socket()) {
                socket = ice.socket();
                pollWith(socket);
            }
            datagram.setData(buffer, 0, buffer.length);
            try {
                socket.receive(datagram);
            } catch (SocketTimeoutException e) {
                keysReleasingEarly();
                continue;
            } catch (IOException e) {
                if (socket != ice.socket()) {
                    continue;
                }
                if (!closed) {
                    LOG.atInfo().setMessage("WebRTC socket closed").addKeyValue("session", name).log();
                }
                return;
            }
            dispatch(buffer, datagram.getOffset(), datagram.getLength());
        }
    }

    private void pollWith(DatagramSocket socket) {
        try {
            socket.setSoTimeout(POLL_MILLIS);
        } catch (IOException e) {
            LOG.atWarn().setMessage("cannot set the socket timeout").addKeyValue("session", name).log();
        }
    }

    private void dispatch(byte[] data, int offset, int length) {
        switch (DatagramKind.of(data, offset, length)) {
            case DTLS -> {
                counters.dtls.increment();
                dtlsDatagrams.deliver(data, offset, length);
            }
            case RTP -> rtp(data, offset, length);
            case RTCP -> rtcp(data, offset, length);
            default -> counters.unknown.increment();
        }
    }

    private void rtp(byte[] data, int offset, int length) {
        Keys current = keysReleasingEarly();
        if (current == null) {
            holdOrDrop(data, offset, length);
            return;
        }
        rtp(current, data, offset, length);
    }

    private void rtp(Keys current, byte[] data, int offset, int length) {
        UnprotectResult result = current.inboundRtp().unprotect(data, offset, length);
        if (count(result, counters.rtp)) {
            receiver.rtp(data, offset, result.packetLength());
        }
    }

    private void rtcp(byte[] data, int offset, int length) {
        Keys current = keysReleasingEarly();
        if (current == null) {
            holdOrDrop(data, offset, length);
            return;
        }
        rtcp(current, data, offset, length);
    }

    private void rtcp(Keys current, byte[] data, int offset, int length) {
        UnprotectResult result = current.inboundRtcp().unprotect(data, offset, length);
        if (count(result, counters.rtcp)) {
            receiver.rtcp(data, offset, result.packetLength());
        }
    }

    /**
     * The keys, or null before them; the first caller after they exist reads the media held until
     * then, oldest first, so it goes up before the packet in hand.
     */
    private Keys keysReleasingEarly() {
        Keys current = keys;
        if (current != null && !early.isEmpty()) {
            early.release((data, offset, length) -> {
                if (DatagramKind.of(data, offset, length) == DatagramKind.RTP) {
                    rtp(current, data, offset, length);
                } else {
                    rtcp(current, data, offset, length);
                }
            });
        } else if (current == null && ready.isDone()) {
            // the handshake failed: what was held can never be read
            counters.beforeKeys.add(early.size());
            early.clear();
        }
        return current;
    }

    /** Media before the keys: held while the handshake may still make them, else counted and dropped. */
    private void holdOrDrop(byte[] data, int offset, int length) {
        if (ready.isDone() || !early.hold(data, offset, length)) {
            counters.beforeKeys.increment();
        }
    }

    /** Counts the outcome; true when the packet is good. */
    private boolean count(UnprotectResult result, LongAdder good) {
        switch (result.status()) {
            case OK -> good.increment();
            case AUTH_FAILED -> counters.authFailed.increment();
            case REPLAYED -> counters.replayed.increment();
            case MALFORMED -> counters.malformed.increment();
        }
        return result.ok();
    }
}
