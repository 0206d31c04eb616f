package dev.freshet.signaling.whep;

import dev.freshet.signaling.whip.LivePublisher;
import dev.freshet.webrtc.rtp.RtpPacket;
import dev.freshet.webrtc.sdp.MediaKind;
import dev.freshet.webrtc.transport.SecureTransport;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * One viewer's share of the publisher's packets: each is rewritten for the viewer
 * ({@link OutgoingTrack}) on the publisher's thread and put in a bounded queue; a sender thread of
 * the viewer's own protects and sends them. When the queue is full the packet is dropped and
 * counted, so a slow viewer loses packets (and may NACK them) but the publisher never waits.
 *
 * <p>Thread-safe: {@link #rtp} and {@link #resend} from any thread, one sender thread.
 */
final class ViewerQueue implements LivePublisher.Viewer {

    /** Where the queue's packets go: the viewer's transport, protecting and sending them. */
    @FunctionalInterface
    interface Sender {
        /** False when the packet could not go (no keys yet). */
        boolean send(byte[] packet, int offset, int length) throws IOException;
    }

    /** About half a second of 2 Mbit/s video with audio. */
    static final int CAPACITY = 512;
    private static final long POLL_MILLIS = 250;

    private final Map<MediaKind, OutgoingTrack> tracks;
    private final Sender transport;
    private final Runnable onPublisherEnd;
    private final BlockingQueue<byte[]> queue;
    private final LongAdder sent = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final LongAdder bytesSent = new LongAdder();
    private final LongAdder resent = new LongAdder();
    private final Thread sender;
    private volatile boolean closed;

    ViewerQueue(Map<MediaKind, OutgoingTrack> tracks, SecureTransport transport, Runnable onPublisherEnd,
                String name) {
        this(tracks, transport::sendRtp, CAPACITY, onPublisherEnd, name);
    }

    ViewerQueue(Map<MediaKind, OutgoingTrack> tracks, Sender transport, int capacity, Runnable onPublisherEnd,
                String name) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.tracks = Map.copyOf(tracks);
        this.transport = transport;
        this.onPublisherEnd = onPublisherEnd;
        this.sender = new Thread(this::sendLoop, "whep-tx-" + name);
        sender.setDaemon(true);
        sender.start();
    }

    @Override
    public void rtp(MediaKind kind, RtpPacket packet) {
        OutgoingTrack track = tracks.get(kind);
        if (track != null && !closed && !queue.offer(track.rewrite(packet))) {
            dropped.increment();
        }
    }

    @Override
    public void publisherEnded() {
        onPublisherEnd.run();
    }

    /** Sends a video packet again (a NACK's answer), through the same queue. */
    void resend(RtpPacket packet) {
        resent.increment();
        rtp(MediaKind.VIDEO, packet);
    }

    /** The video SSRC the viewer knows, -1 without video. */
    long videoSsrc() {
        OutgoingTrack video = tracks.get(MediaKind.VIDEO);
        return video == null ? -1 : video.ssrc();
    }

    long sent() {
        return sent.sum();
    }

    long dropped() {
        return dropped.sum();
    }

    /** RTP bytes sent, before protection. */
    long bytesSent() {
        return bytesSent.sum();
    }

    /** Packets queued again for the viewer's NACKs. */
    long resent() {
        return resent.sum();
    }

    /** Stops the sender; packets still queued are not sent. */
    void close() {
        closed = true;
        queue.clear();
    }

    private void sendLoop() {
        try {
            while (!closed) {
                byte[] packet = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (packet != null) {
                    send(packet);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void send(byte[] packet) {
        try {
            if (transport.send(packet, 0, packet.length)) {
                sent.increment();
                bytesSent.add(packet.length);
            } else {
                dropped.increment();
            }
        } catch (IOException e) {
            dropped.increment();
        }
    }
}
