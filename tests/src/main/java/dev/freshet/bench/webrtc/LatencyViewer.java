package dev.freshet.bench.webrtc;

import dev.freshet.bench.video.EpochClock;
import dev.freshet.bench.video.Window;
import dev.freshet.signaling.whep.JavaViewer;
import dev.freshet.webrtc.rtcp.ReceiverReport;
import dev.freshet.webrtc.rtcp.RtcpCompound;
import dev.freshet.webrtc.rtp.RtpPacket;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A WHEP viewer of one publisher that measures glass-to-glass latency: for every forwarded
 * {@link CaptureStamp} it records arrival time minus the publisher's send time, both read from one
 * {@link EpochClock} of this process, while the measured window is open. It sends an empty receiver
 * report every second, as a browser does, so the server keeps the session (it ends viewers after
 * 30 s without RTCP).
 *
 * <p>Thread-safe: the viewer's receive thread records into the shared histogram under its lock.
 */
final class LatencyViewer implements AutoCloseable {

    private static final long VIEWER_SSRC = 0x5EE0_0001L;

    private final String stream;
    private final EpochClock clock;
    private final Window window;
    private final Histogram latencyMicros;
    private final JavaViewer viewer = new JavaViewer(this::received);
    private volatile long packets;
    private volatile long stamps;
    private ScheduledFuture<?> reports;

    /** {@code latencyMicros} may be shared by several viewers: they lock it to record. */
    LatencyViewer(String stream, EpochClock clock, Window window, Histogram latencyMicros) {
        this.stream = stream;
        this.clock = clock;
        this.window = window;
        this.latencyMicros = latencyMicros;
    }

    /** Offers over WHEP, waits for ICE and DTLS, then reports every second on {@code scheduler}. */
    void connect(WhipHttp whep, ScheduledExecutorService scheduler) throws Exception {
        viewer.connect(whep.offer("whep", stream, viewer.offer()).answer());
        byte[] report = RtcpCompound.encode(List.of(new ReceiverReport(VIEWER_SSRC, List.of())));
        reports = scheduler.scheduleAtFixedRate(() -> {
            try {
                viewer.sendRtcp(report);
            } catch (IOException | RuntimeException e) {
                // the next report tries again; a viewer that stays silent is ended and shows as no stamps
            }
        }, 0, 1, TimeUnit.SECONDS);
    }

    private void received(RtpPacket rtp) {
        long now = System.nanoTime();
        packets++;
        OptionalLong sent = CaptureStamp.read(rtp.buffer(), rtp.payloadOffset(), rtp.payloadLength());
        if (sent.isPresent()) {
            stamps++;
            if (window.contains(now)) {
                long micros = clock.epochMicros(now) - sent.getAsLong() / 1000;
                synchronized (latencyMicros) {
                    latencyMicros.recordValue(Math.max(0, micros));
                }
            }
        }
    }

    long packets() {
        return packets;
    }

    long stamps() {
        return stamps;
    }

    @Override
    public void close() {
        if (reports != null) {
            reports.cancel(false);
        }
        viewer.close();
    }
}
