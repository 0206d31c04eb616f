package dev.freshet.bench.video;

import dev.freshet.bench.GeneratorMain;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Load generator for Kinesis Video Streams ingest and playback, run as its own JVM beside the
 * server: {@code --streams} emulated cameras replay a sample in real time through PutMedia, while
 * {@code --viewers} Low-Latency HLS viewers watch some of them; then clients fetch stored segments
 * as fast as they can. It reports the server's CPU per stream, the PERSISTED-ack latency, the LL-HLS
 * capture-to-player latency and the segment-serving rate, as one sentence and one JSON line. Exits 2
 * on bad arguments, 1 when the run failed or saw errors (the report is printed anyway).
 *
 * <pre>
 *  0 ───── 1 s ───── warm-up ─────┬──────── measured window ────────┬─ drain ─┬─ segment serving ─┐
 *  create streams,  cameras start  │ CPU of server and generator,    │ last    │ clients fetch      │
 *  open uploads     (spread 1 s),  │ ack and part latencies counted  │ acks    │ stored segments    │
 *                   viewers join   │                                 │         │                    │
 * </pre>
 *
 * See {@link VideoOptions#USAGE} for every option; {@code tests/bench/video.sh} runs it end to end.
 */
public final class VideoLoadGenerator {

    private static final long SETUP_NANOS = 1_000_000_000L;
    private static final long VIEWERS_AFTER_NANOS = 3_000_000_000L;
    private static final long DRAIN_MILLIS = 20_000;
    private static final int RETENTION_HOURS = 24;

    private final VideoOptions options;
    private final Sample sample;
    private final EpochClock clock = new EpochClock();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10)).build();
    private final ControlPlane control;

    private VideoLoadGenerator(VideoOptions options, Sample sample) {
        this.options = options;
        this.sample = sample;
        this.control = new ControlPlane(options.endpoint(), http);
    }

    public static void main(String[] args) {
        GeneratorMain.run(args, VideoOptions::parse, options -> new VideoLoadGenerator(options, SampleReader.read(options.sample())).run());
    }

    /** The whole run; true when nothing failed. */
    private boolean run() throws Exception {
        List<String> streams = createStreams();
        long runStartMillis = System.currentTimeMillis();
        long start = System.nanoTime() + SETUP_NANOS;
        long windowStart = start + options.warmup() * 1_000_000_000L;
        Window window = new Window(windowStart, windowStart + options.seconds() * 1_000_000_000L);
        IngestStats ingest = new IngestStats(window);
        ViewerStats viewing = new ViewerStats(window);
        CameraFleet fleet = CameraFleet.start(options.endpoint(), sample, streams, start, options.spreadMillis(),
            clock, ingest);
        sleepUntil(Math.min(start + VIEWERS_AFTER_NANOS, window.startNanos()));
        List<Thread> viewers = startViewers(streams, viewing, window.endNanos());
        CpuUse cpu = CpuUse.across(window, meter());
        for (Thread viewer : viewers) {
            viewer.join(DRAIN_MILLIS);
        }
        fleet.stop(DRAIN_MILLIS, ingest);
        VideoReport report = new VideoReport(options, sample).ingest(ingest, cpu, options.streams()).viewing(viewing);
        boolean clean = ingest.errorAcks() + ingest.failedStreams() + ingest.missingAcks() + viewing.errors() == 0;
        if (options.serveSeconds() > 0) {
            SegmentServing.Result served = serve(streams, runStartMillis);
            report.serving(served, options.serveClients());
            clean &= served.errors() == 0;
        }
        report.print();
        return clean;
    }

    private List<String> createStreams() throws Exception {
        List<String> streams = new ArrayList<>();
        for (int i = 0; i < options.streams(); i++) {
            String name = String.format(Locale.ROOT, "bench-video-%04d", i);
            control.createStream(name, RETENTION_HOURS);
            streams.add(name);
        }
        return streams;
    }

    /** Viewers spread over the streams, each running until {@code untilNanos}. */
    private List<Thread> startViewers(List<String> streams, ViewerStats stats, long untilNanos) {
        List<Thread> threads = new ArrayList<>();
        HlsHttp hls = new HlsHttp(http);
        for (int v = 0; v < options.viewers(); v++) {
            String stream = streams.get(v * streams.size() / options.viewers());
            Thread thread = new Thread(new LlHlsViewer(stream, control, hls, clock, stats, untilNanos),
                "viewer-" + stream);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
        return threads;
    }

    private SegmentServing.Result serve(List<String> streams, long runStartMillis) throws Exception {
        SegmentServing serving = new SegmentServing(options.endpoint(), control, new HlsHttp(http));
        List<String> segments = serving.collect(streams, runStartMillis - 60_000, System.currentTimeMillis() + 1_000);
        if (segments.isEmpty()) {
            throw new IllegalStateException("no stored segments to serve");
        }
        return serving.run(segments, options.serveClients(), options.serveSeconds(), meter());
    }

    /** The server's, this process's and the whole machine's CPU counters. */
    private CpuUse.Meter meter() {
        return new CpuUse.Meter(ProcessCpu.of(options.serverPid(), options.clockTicks()),
            ProcessCpu.self(options.clockTicks()), new MachineCpu(options.clockTicks()));
    }

    public static void sleepUntil(long nanos) throws InterruptedException {
        for (long left = nanos - System.nanoTime(); left > 0; left = nanos - System.nanoTime()) {
            Thread.sleep(Math.max(1, left / 1_000_000));
        }
    }
}
