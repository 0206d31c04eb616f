package dev.freshet.bench.video;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One emulated camera: replays the sample in real time, handing each frame to its upload at the
 * instant an encoder would have it (its capture time, later with B-frames), with presentation times
 * equal to those wall-clock capture times in epoch milliseconds. The sample loops with its times
 * continued. A keyframe opens a new Cluster whose timestamp is the keyframe's capture time.
 *
 * <pre>
 *  capture(frame, pass) = start + pass * period + frame.captureOffset     (epoch ms, ABSOLUTE timecodes)
 *  due(frame, pass)     = start + pass * period + frame.sendOffset
 * </pre>
 *
 * Cameras hold no thread: a shared scheduler runs each one when its next frame is due; the
 * upload's own writer thread does the socket work.
 *
 * <p>Thread-safe: {@link #stop()} may come from any thread while the scheduler runs it.
 */
final class Camera implements Runnable {

    private final Sample sample;
    private final PutMediaUpload upload;
    private final long startEpochMillis;
    private final EpochClock clock;
    private final ScheduledExecutorService scheduler;
    private int next;
    private long pass;
    private boolean stopped;

    Camera(Sample sample, PutMediaUpload upload, long startEpochMillis, EpochClock clock,
           ScheduledExecutorService scheduler) {
        this.sample = sample;
        this.upload = upload;
        this.startEpochMillis = startEpochMillis;
        this.clock = clock;
        this.scheduler = scheduler;
    }

    void start() {
        schedule(System.nanoTime());
    }

    /** No frame is sent after this returns. */
    synchronized void stop() {
        stopped = true;
    }

    @Override
    public synchronized void run() {
        long now = System.nanoTime();
        while (!stopped && dueNanos() <= now) {
            emit();
        }
        if (!stopped) {
            schedule(now);
        }
    }

    private void schedule(long now) {
        scheduler.schedule(this, dueNanos() - now, TimeUnit.NANOSECONDS);
    }

    private void emit() {
        SampleFrame frame = sample.frames().get(next);
        long passStart = startEpochMillis + pass * sample.periodMillis();
        long clusterTimestamp = passStart + frame.clusterOffsetMillis();
        byte[] clusterStart = frame.opensCluster() ? LiveMkv.clusterStart(clusterTimestamp) : null;
        upload.send(new PutMediaUpload.Piece(clusterStart, clusterTimestamp, frame.block(), dueNanos()));
        if (++next == sample.frames().size()) {
            next = 0;
            pass++;
        }
    }

    private long dueNanos() {
        long millis = startEpochMillis + pass * sample.periodMillis() + sample.frames().get(next).sendOffsetMillis();
        return clock.nanosAt(millis * 1_000);
    }
}
