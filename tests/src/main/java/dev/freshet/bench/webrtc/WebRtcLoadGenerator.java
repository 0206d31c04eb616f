package dev.freshet.bench.webrtc;

import dev.freshet.bench.GeneratorMain;
import dev.freshet.bench.video.ControlPlane;
import dev.freshet.bench.video.CpuUse;
import dev.freshet.bench.video.EpochClock;
import dev.freshet.bench.video.MachineCpu;
import dev.freshet.bench.video.ProcessCpu;
import dev.freshet.bench.video.VideoLoadGenerator;
import dev.freshet.bench.video.Window;
import org.HdrHistogram.Histogram;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Load generator for WebRTC ingest (WHIP) and forwarding (WHEP), run as its own JVM beside the
 * server: {@code --publishers} simulated publishers, each with its own UDP socket, ICE, DTLS and
 * SRTP, replay a recorded H.264 clip in real time into their own streams; {@code --viewers} WHEP
 * viewers watch some of them and measure glass-to-glass latency from the capture times the
 * publishers put in SEI NAL units. It reports the server's CPU per publisher, packet loss (the
 * server's packet counter against what was sent, and the server's receiver reports), stored
 * fragments and frames per second, how long after the DTLS handshake each publisher's first
 * fragment was listed, and the WHEP latency, as one sentence and one JSON line. Exits 2 on bad
 * arguments, 1 when the run failed or saw errors (the report is printed anyway).
 *
 * <pre>
 *  0 ── connect publishers (spread) ──┬─ viewers ─ warm-up ─┬──── measured window ────┬─ stop
 *  create streams, WHIP offer, ICE,   │  join over WHEP     │ CPU, packets, RRs,       │ DELETE
 *  DTLS, send; poll ListFragments     │                     │ latency, fragments       │
 *  until each has its first fragment  │                     │                          │
 * </pre>
 */
public final class WebRtcLoadGenerator {

    private static final long FIRST_FRAGMENT_TIMEOUT_NANOS = 30_000_000_000L;
    // each joining publisher polls ListFragments until its first fragment shows (1-3 s); the resolution is
    // this, and with 10 publishers joining a second it adds a few hundred calls a second to the server
    private static final long POLL_MILLIS = 50;
    private static final long CONNECT_TIMEOUT_MILLIS = 120_000;
    private static final long DRAIN_MILLIS = 1_000;

    private final WebRtcOptions options;
    private final Clip clip;
    private final EpochClock clock = new EpochClock();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10)).build();
    private final WhipHttp whip;
    private final ArchiveHttp archive;
    private final ScheduledExecutorService pacing = Executors.newScheduledThreadPool(2, daemon("pacing"));
    private final ScheduledExecutorService reporting = Executors.newSingleThreadScheduledExecutor(daemon("reports"));
    private final AtomicInteger failures = new AtomicInteger();
    private final Histogram connectMicros = histogram();
    private final Histogram firstFragmentMicros = histogram();
    private final Histogram afterCompleteMicros = histogram();
    private final Histogram whepMicros = histogram();
    private final Histogram sendLagMicros = histogram();

    private WebRtcLoadGenerator(WebRtcOptions options, Clip clip) {
        this.options = options;
        this.clip = clip;
        this.whip = new WhipHttp(options.endpoint(), http);
        this.archive = new ArchiveHttp(options.endpoint(), http);
    }

    public static void main(String[] args) {
        GeneratorMain.run(args, WebRtcOptions::parse, options -> new WebRtcLoadGenerator(options, Clip.read(options.clip(), options.fps())).run());
    }

    /** The whole run; true when nothing failed. */
    private boolean run() throws Exception {
        Counters initial = counters(List.of());
        ControlPlane control = new ControlPlane(options.endpoint(), http);
        List<Publisher> publishers = new ArrayList<>();
        for (int i = 0; i < options.publishers(); i++) {
            String name = String.format(Locale.ROOT, "bench-webrtc-%04d", i);
            control.createStream(name, 24);
            publishers.add(new Publisher(name, clip, clock, sendLagMicros));
        }
        List<Publisher> live = connectAll(publishers);
        long windowStart = System.nanoTime() + options.warmup() * 1_000_000_000L;
        Window window = new Window(windowStart, windowStart + options.seconds() * 1_000_000_000L);
        List<LatencyViewer> viewers = startViewers(live, window);

        VideoLoadGenerator.sleepUntil(window.startNanos());
        Counters before = counters(live);
        CpuUse.Meter meter = new CpuUse.Meter(ProcessCpu.of(options.serverPid(), options.clockTicks()),
            ProcessCpu.self(options.clockTicks()), new MachineCpu(options.clockTicks()));
        CpuUse.Meter.Reading cpuStart = meter.read();
        long windowStartMillis = System.currentTimeMillis();
        VideoLoadGenerator.sleepUntil(window.endNanos());
        CpuUse cpu = meter.read().since(cpuStart);
        long windowEndMillis = System.currentTimeMillis();
        Counters after = counters(live);
        // every packet sent against every packet the server took, once the last ones have arrived
        live.forEach(Publisher::stop);
        Thread.sleep(DRAIN_MILLIS);
        Counters drained = counters(live);

        long fragments = 0;
        for (Publisher publisher : live) {
            fragments += archive.fragmentServerMillis(publisher.stream()).stream()
                .filter(t -> t >= windowStartMillis && t < windowEndMillis).count();
        }
        long viewerStamps = viewers.stream().mapToLong(LatencyViewer::stamps).sum();
        viewers.forEach(LatencyViewer::close);
        for (Publisher publisher : live) {
            publisher.delete(whip);
            publisher.close();
        }
        pacing.shutdownNow();
        reporting.shutdownNow();

        WebRtcReport report = new WebRtcReport(options, clip)
            .setup(live.size(), failures.get(), connectMicros, firstFragmentMicros, afterCompleteMicros)
            .traffic(before, after, cpu, fragments)
            .wholeRun(initial, drained)
            .latency(viewers.size(), viewerStamps, whepMicros)
            .generator(sendLagMicros);
        report.print();
        return failures.get() == 0 && live.size() == options.publishers() && after.sendErrors == 0;
    }

    /**
     * Connects the publishers one after another over {@code --spread-ms}, each on a thread of its
     * own that then polls ListFragments until its first fragment is listed; returns those that
     * connected.
     */
    private List<Publisher> connectAll(List<Publisher> publishers) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        List<Publisher> live = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        for (int i = 0; i < publishers.size(); i++) {
            Publisher publisher = publishers.get(i);
            long at = start + (long) options.spreadMillis() * 1_000_000L * i / publishers.size();
            Thread thread = new Thread(() -> {
                try {
                    VideoLoadGenerator.sleepUntil(at);
                    long offered = System.nanoTime();
                    publisher.connect(whip);
                    record(connectMicros, (publisher.connectedNanos() - offered) / 1000);
                    publisher.start(pacing);
                    live.add(publisher);
                    awaitFirstFragment(publisher);
                } catch (Exception e) {
                    failures.incrementAndGet();
                    System.err.println(publisher.stream() + ": " + e);
                }
            }, "connect-" + publisher.stream());
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join(CONNECT_TIMEOUT_MILLIS);
        }
        return List.copyOf(live);
    }

    private void awaitFirstFragment(Publisher publisher) throws Exception {
        long deadline = publisher.connectedNanos() + FIRST_FRAGMENT_TIMEOUT_NANOS;
        while (!archive.hasFragment(publisher.stream())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no fragment listed 30 s after the DTLS handshake");
            }
            Thread.sleep(POLL_MILLIS);
        }
        long listed = System.nanoTime();
        record(firstFragmentMicros, (listed - publisher.connectedNanos()) / 1000);
        record(afterCompleteMicros, (listed - publisher.secondKeyframeNanos()) / 1000);
    }

    private List<LatencyViewer> startViewers(List<Publisher> live, Window window) {
        List<LatencyViewer> viewers = new ArrayList<>();
        for (int v = 0; v < Math.min(options.viewers(), live.size()); v++) {
            LatencyViewer viewer = new LatencyViewer(live.get(v * live.size() / options.viewers()).stream(), clock,
                window, whepMicros);
            try {
                viewer.connect(whip, reporting);
                viewers.add(viewer);
            } catch (Exception e) {
                failures.incrementAndGet();
                System.err.println("viewer: " + e);
                viewer.close();
            }
        }
        return viewers;
    }

    /** What the publishers sent, what the server says it got, and the server's receiver reports. */
    record Counters(long nanos, long packetsSent, long bytesSent, double serverPackets, double serverFrames,
                    long reportedLost, long reportedExpected, long nacked, long retransmitted, long sendErrors) {
    }

    private Counters counters(List<Publisher> live) throws Exception {
        long sent = 0;
        long bytes = 0;
        long lost = 0;
        long highest = 0;
        long nacked = 0;
        long retransmitted = 0;
        long errors = 0;
        for (Publisher p : live) {
            sent += p.packetsSent();
            bytes += p.bytesSent();
            if (p.lastReport() != null) {
                lost += p.lastReport().cumulativeLost();
                highest += p.lastReport().extendedHighestSequenceNumber();
            }
            nacked += p.nackedPackets();
            retransmitted += p.retransmitted();
            errors += p.sendErrors();
        }
        return new Counters(System.nanoTime(), sent, bytes, archive.metric("freshet_webrtc_rtp_packets_total"),
            archive.metric("freshet_webrtc_frames_total"), lost, highest, nacked, retransmitted, errors);
    }

    private static void record(Histogram histogram, long micros) {
        synchronized (histogram) {
            histogram.recordValue(Math.max(0, micros));
        }
    }

    private static Histogram histogram() {
        return new Histogram(3); // auto-resizing: a stalled run records minutes without throwing
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
