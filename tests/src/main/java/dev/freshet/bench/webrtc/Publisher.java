package dev.freshet.bench.webrtc;

import dev.freshet.bench.video.EpochClock;
import dev.freshet.signaling.whip.JavaCamera;
import dev.freshet.webrtc.rtcp.GenericNack;
import dev.freshet.webrtc.rtcp.ReceiverReport;
import dev.freshet.webrtc.rtcp.ReportBlock;
import dev.freshet.webrtc.rtcp.RtcpPacket;
import dev.freshet.webrtc.rtp.OutgoingRtpPacket;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One simulated WHIP publisher: a {@link JavaCamera} (its own UDP socket on 127.0.0.1, ICE, DTLS,
 * SRTP) that replays the {@link Clip} in real time, one access unit per frame period on a shared
 * scheduler, each preceded by a {@link CaptureStamp} SEI packet. It answers the server's NACKs from
 * a {@link SendHistory} and keeps the server's latest receiver report. The recording cannot make a
 * keyframe on request (PLI): it has one per second anyway.
 *
 * <p>Thread-safe: the scheduler sends, the camera's receive thread handles RTCP, the main thread
 * reads the counters (volatile or atomic, each written by one thread).
 */
final class Publisher implements AutoCloseable {

    private final String stream;
    private final Clip clip;
    private final EpochClock clock;
    private final SendHistory history = new SendHistory();
    private final JavaCamera camera = new JavaCamera(this::feedback);
    private final AtomicLong nackedPackets = new AtomicLong();
    private final AtomicLong retransmitted = new AtomicLong();
    private final AtomicLong sendErrors = new AtomicLong();
    private final long periodNanos;
    private WhipHttp.Session session;
    private ScheduledFuture<?> pacing;
    private long startNanos;
    private long frame;
    private int sequenceNumber;
    private volatile long packetsSent;
    private volatile long bytesSent;
    private final Histogram lagMicros;
    private volatile long connectedNanos;
    private volatile long secondKeyframeNanos;
    private volatile ReportBlock lastReport;

    /** {@code lagMicros}, shared by the publishers, gets how late each access unit left (under its lock). */
    Publisher(String stream, Clip clip, EpochClock clock, Histogram lagMicros) {
        this.stream = stream;
        this.clip = clip;
        this.clock = clock;
        this.lagMicros = lagMicros;
        this.periodNanos = 1_000_000_000L / clip.fps();
    }

    String stream() {
        return stream;
    }

    /** Offers over WHIP and waits for ICE and the DTLS handshake; returns when SRTP keys exist. */
    void connect(WhipHttp whip) throws Exception {
        session = whip.offer("whip", stream, camera.offer());
        camera.connect(session.answer());
        connectedNanos = System.nanoTime();
    }

    /** Starts sending: the first access unit (an IDR) goes at once, the next every frame period. */
    void start(ScheduledExecutorService scheduler) {
        startNanos = System.nanoTime();
        pacing = scheduler.scheduleAtFixedRate(this::sendFrame, 0, periodNanos, TimeUnit.NANOSECONDS);
    }

    private void sendFrame() {
        long now = System.nanoTime();
        // a scheduler that fell behind runs the missed frames back to back: a burst on the wire
        synchronized (lagMicros) {
            lagMicros.recordValue(Math.max(0, now - (startNanos + frame * periodNanos)) / 1000);
        }
        Clip.Picture picture = clip.picture(frame);
        if (picture.keyframe() && frame > 0 && secondKeyframeNanos == 0) {
            secondKeyframeNanos = now;
        }
        long timestamp = frame * 90_000L / clip.fps() & 0xFFFF_FFFFL;
        try {
            send(false, timestamp, CaptureStamp.nal(clock.epochMicros(now) * 1000));
            List<byte[]> payloads = picture.payloads();
            for (int i = 0; i < payloads.size(); i++) {
                send(i == payloads.size() - 1, timestamp, payloads.get(i));
            }
        } catch (IOException | RuntimeException e) {
            sendErrors.incrementAndGet();
        }
        frame++;
    }

    private void send(boolean marker, long timestamp, byte[] payload) throws IOException {
        int seq = sequenceNumber;
        sequenceNumber = seq + 1 & 0xFFFF;
        byte[] rtp = OutgoingRtpPacket.of(marker, JavaCamera.PAYLOAD_TYPE, seq, timestamp, JavaCamera.SSRC, payload)
            .encode();
        history.record(seq, rtp);
        if (camera.send(rtp)) {
            packetsSent++;
            bytesSent += rtp.length;
        } else {
            sendErrors.incrementAndGet();
        }
    }

    /** The server's RTCP, on the camera's receive thread. */
    private void feedback(List<RtcpPacket> packets) {
        for (RtcpPacket packet : packets) {
            if (packet instanceof ReceiverReport report) {
                report.reports().stream().filter(b -> b.ssrc() == JavaCamera.SSRC).findFirst()
                    .ifPresent(b -> lastReport = b);
            } else if (packet instanceof GenericNack nack && nack.mediaSsrc() == JavaCamera.SSRC) {
                for (int seq : nack.lost()) {
                    nackedPackets.incrementAndGet();
                    byte[] rtp = history.find(seq);
                    try {
                        if (rtp != null && camera.send(rtp)) {
                            retransmitted.incrementAndGet();
                        }
                    } catch (IOException e) {
                        sendErrors.incrementAndGet();
                    }
                }
            }
        }
    }

    /** Sends no more access units (a frame being sent is finished); NACKs are still answered. */
    void stop() {
        if (pacing != null) {
            pacing.cancel(false);
        }
    }

    /** Stops sending and closes the transport. */
    @Override
    public void close() {
        stop();
        camera.close();
    }

    /** Ends the WHIP session (the server stores the fragment in progress). */
    void delete(WhipHttp whip) throws IOException, InterruptedException {
        if (session != null) {
            whip.delete(session);
        }
    }

    long connectedNanos() {
        return connectedNanos;
    }

    /** When the second IDR went out, which completes the first fragment; 0 before. */
    long secondKeyframeNanos() {
        return secondKeyframeNanos;
    }

    long packetsSent() {
        return packetsSent;
    }

    long bytesSent() {
        return bytesSent;
    }

    long nackedPackets() {
        return nackedPackets.get();
    }

    long retransmitted() {
        return retransmitted.get();
    }

    long sendErrors() {
        return sendErrors.get();
    }

    /** The server's latest report block on this publisher's SSRC, or null before the first. */
    ReportBlock lastReport() {
        return lastReport;
    }
}
