package dev.freshet.bench.video;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * All cameras of a run with their uploads: one PutMedia connection per stream, opened up front,
 * and cameras whose first keyframes are spread evenly over {@code spreadMillis} after the start,
 * as independent cameras' GOPs would be, instead of all cutting fragments at the same instant.
 * One small scheduler paces every camera.
 *
 * <p>Not thread-safe: started and stopped by the run's main thread.
 */
final class CameraFleet {

    private static final int SCHEDULER_THREADS = 2;

    private final List<Camera> cameras = new ArrayList<>();
    private final List<PutMediaUpload> uploads = new ArrayList<>();
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(SCHEDULER_THREADS, r -> {
        Thread thread = new Thread(r, "camera-scheduler");
        thread.setDaemon(true);
        return thread;
    });

    /** Opens every upload and schedules every camera; the first frames leave at {@code startNanos}. */
    static CameraFleet start(URI endpoint, Sample sample, List<String> streams, long startNanos, long spreadMillis,
                             EpochClock clock, IngestStats stats) throws IOException {
        CameraFleet fleet = new CameraFleet();
        byte[] header = LiveMkv.streamHeader(sample.tracks());
        long firstMillis = clock.epochMicros(startNanos) / 1_000;
        for (int i = 0; i < streams.size(); i++) {
            long cameraStart = firstMillis + i * spreadMillis / streams.size();
            PutMediaUpload upload = PutMediaUpload.open(endpoint, streams.get(i), cameraStart, header, stats);
            fleet.uploads.add(upload);
            fleet.cameras.add(new Camera(sample, upload, cameraStart, clock, fleet.scheduler));
        }
        fleet.cameras.forEach(Camera::start);
        return fleet;
    }

    /**
     * Stops the cameras, ends every upload and waits up to {@code drainMillis} in all for the last
     * acknowledgements; fragments completed inside the window but never PERSISTED are reported
     * missing.
     */
    void stop(long drainMillis, IngestStats stats) throws InterruptedException {
        cameras.forEach(Camera::stop);
        scheduler.shutdownNow();
        uploads.forEach(PutMediaUpload::finish);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(drainMillis);
        for (PutMediaUpload upload : uploads) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (!upload.awaitResponseEnd(Math.max(1, left))) {
                System.err.println(upload.stream() + ": the PutMedia response did not end within the drain time");
            }
            stats.missing(upload.unacknowledged(stats.window()));
            upload.close();
        }
    }
}
