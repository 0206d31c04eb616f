package dev.freshet.bench.video;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;

/**
 * Segment serving from the stored log: clients fetch complete fMP4 media segments
 * ({@code getMP4MediaFragment.mp4}) of fragments recorded earlier, as fast as they can, each client
 * on its own keep-alive connection, each request for a segment chosen at random among all stored
 * segments of all streams, so that most are muxed from the fragment log rather than served from
 * the server's cache of recent media. Bodies are read to the end and counted.
 *
 * <p>Not thread-safe: {@link #collect} and {@link #run} are called by one thread, which starts the
 * clients.
 */
final class SegmentServing {

    /** The outcome: octets and requests over {@code cpu}'s interval, with the CPU every process used meanwhile. */
    record Result(long bytes, long requests, long errors, int segments, CpuUse cpu) {

        double seconds() {
            return cpu.windowSeconds();
        }

        double gigabitsPerSecond() {
            return bytes * 8 / seconds() / 1e9;
        }
    }

    private final URI endpoint;
    private final ControlPlane control;
    private final HlsHttp http;

    SegmentServing(URI endpoint, ControlPlane control, HlsHttp http) {
        this.endpoint = endpoint;
        this.control = control;
        this.http = http;
    }

    /** The path and query of every stored segment of {@code streams} in {@code [fromMillis, toMillis]} (server time). */
    List<String> collect(List<String> streams, long fromMillis, long toMillis) throws IOException, InterruptedException {
        List<String> segments = new ArrayList<>();
        for (String stream : streams) {
            URI media = http.mediaPlaylist(control.onDemandSession(stream, fromMillis, toMillis));
            for (MediaPlaylist.Media segment : MediaPlaylist.parse(http.text(media)).segments()) {
                URI uri = media.resolve(segment.uri());
                segments.add(uri.getRawPath() + "?" + uri.getRawQuery());
            }
        }
        return segments;
    }

    Result run(List<String> segments, int clients, int seconds, CpuUse.Meter meter) throws InterruptedException {
        LongAdder bytes = new LongAdder();
        LongAdder requests = new LongAdder();
        LongAdder errors = new LongAdder();
        CpuUse.Meter.Reading before = meter.read();
        long until = before.nanos() + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Thread thread = new Thread(() -> fetchUntil(segments, until, bytes, requests, errors), "segment-client-" + i);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return new Result(bytes.sum(), requests.sum(), errors.sum(), segments.size(), meter.read().since(before));
    }

    private void fetchUntil(List<String> segments, long until, LongAdder bytes, LongAdder requests, LongAdder errors) {
        try (KeepAliveClient client = new KeepAliveClient(endpoint)) {
            while (System.nanoTime() < until) {
                String segment = segments.get(ThreadLocalRandom.current().nextInt(segments.size()));
                try {
                    bytes.add(client.get(segment));
                    requests.increment();
                } catch (IOException e) {
                    errors.increment();
                    System.err.println("segment fetch failed: " + e);
                }
            }
        }
    }
}
