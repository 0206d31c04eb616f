package dev.freshet.signaling.whep;

import dev.freshet.signaling.whip.LivePublisher;
import dev.freshet.webrtc.rtcp.RtcpCompound;
import dev.freshet.webrtc.rtcp.SenderReport;
import dev.freshet.webrtc.rtp.RtpPacket;
import dev.freshet.webrtc.sdp.MediaKind;
import dev.freshet.webrtc.transport.SecureTransport;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
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
    private final Sender rtcp;
    /** RTP packets and payload octets sent per outgoing SSRC, as a sender report counts them. */
    private final Map<Long, long[]> sentBySsrc = new ConcurrentHashMap<>();
    private final Runnable onPublisherEnd;
    private final BlockingQueue<byte[]> queue;
    private final LongAdder sent = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final LongAdder bytesSent = new LongAdder();
    private final LongAdder resent = new LongAdder();
    private final LongAdder reports = new LongAdder();
    private final Thread sender;
    private volatile boolean closed;

    ViewerQueue(Map<MediaKind, OutgoingTrack> tracks, SecureTransport transport, Runnable onPublisherEnd,
                String name) {
        this(tracks, transport::sendRtp, transport::sendRtcp, CAPACITY, onPublisherEnd, name);
    }

    ViewerQueue(Map<MediaKind, OutgoingTrack> tracks, Sender transport, int capacity, Runnable onPublisherEnd,
                String name) {
        this(tracks, transport, (packet, offset, length) -> false, capacity, onPublisherEnd, name);
    }

    ViewerQueue(Map<MediaKind, OutgoingTrack> tracks, Sender transport, Sender rtcp, int capacity,
                Runnable onPublisherEnd, String name) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.tracks = Map.copyOf(tracks);
        this.transport = transport;
        this.rtcp = rtcp;
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

    /**
     * The publisher's report, as this viewer's: its SSRC for the medium, the publisher's clock
     * mapping (timestamps are forwarded unchanged), this viewer's counts. Sent at once: RTCP is
     * small and a report late behind queued media would only mislead.
     */
    @Override
    public void senderReport(MediaKind kind, long ntpTimestamp, long rtpTimestamp) {
        OutgoingTrack track = tracks.get(kind);
        if (track == null || closed) {
            return;
        }
        long[] counts = sentBySsrc.getOrDefault(track.ssrc(), new long[2]);
        long packets;
        long octets;
        synchronized (counts) {
            packets = counts[0] & 0xFFFF_FFFFL;
            octets = counts[1] & 0xFFFF_FFFFL;
        }
        byte[] report = RtcpCompound.encode(List.of(new SenderReport(track.ssrc(), ntpTimestamp, rtpTimestamp,
            packets, octets, List.of())));
        try {
            if (rtcp.send(report, 0, report.length)) {
                reports.increment();
            }
        } catch (IOException e) {
            // the next report will do
        }
    }

    /** Sender reports sent to the viewer. */
    long reports() {
        return reports.sum();
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

    /** One more packet of its SSRC; the payload octets approximated as the packet less a 12-byte header. */
    private void count(byte[] packet) {
        long ssrc = ((packet[8] & 0xFFL) << 24) | ((packet[9] & 0xFF) << 16) | ((packet[10] & 0xFF) << 8)
            | (packet[11] & 0xFF);
        long[] counts = sentBySsrc.computeIfAbsent(ssrc, s -> new long[2]);
        synchronized (counts) {
            counts[0]++;
            counts[1] += Math.max(0, packet.length - 12);
        }
    }

    private void send(byte[] packet) {
        try {
            if (transport.send(packet, 0, packet.length)) {
                sent.increment();
                bytesSent.add(packet.length);
                count(packet);
            } else {
                dropped.increment();
            }
        } catch (IOException e) {
            dropped.increment();
        }
    }
}
