package dev.freshet.delivery.engine;

import dev.freshet.delivery.DeliveryBatch;
import dev.freshet.delivery.DeliveryRecord;
import dev.freshet.delivery.destination.DeliveryResult;
import dev.freshet.delivery.destination.ErrorOutput;
import dev.freshet.delivery.destination.FailedRecord;
import dev.freshet.delivery.destination.redshift.RedshiftDestination;
import dev.freshet.delivery.process.ProcessingResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One delivery stream's thread: read from the source → buffer until the hints say flush →
 * (source backup) → process → deliver → write failures to the error output → commit the
 * checkpoint. A batch is retried as a whole until all of that succeeded, so the checkpoint never
 * moves past a record that is not at the destination or in the error output (at-least-once).
 *
 * <pre>
 *   ┌─▶ switch version if one is pending ─▶ fill buffer ─▶ empty? wait for records
 *   │                                          │ full, or the oldest buffered record waited the interval?
 *   └──────────── commit ◀─ deliver (retry) ◀──┘ yes        no: wait for records or the interval's timer
 * </pre>
 *
 * The thread waits only on {@link Wakeup}: new records (the source's await), the interval timer
 * (on the engine's scheduler), a version switch, stopping. Stopping lets the batch in flight finish;
 * records buffered but not flushed are simply not committed (read again after restart). The
 * thread is interrupted only while it is inside a destination (never while reading the shard log,
 * whose file channels an interrupt would close).
 *
 * <p>Thread-safe: {@link #switchTo}, {@link #stop} and the counters may be used from any thread.
 */
final class DeliveryLoop implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryLoop.class);
    /** Failure types a destination already stored in the error output itself (Redshift's skipped objects). */
    private static final Set<String> ALREADY_IN_ERROR_OUTPUT = Set.of(RedshiftDestination.ERROR_OUTPUT_TYPE);
    /** A wait never lasts longer than this, so a lost wake-up cannot stall a stream. */
    private static final long MAX_WAIT_MILLIS = 30_000;

    private final String name;
    private final SourceReader source;
    private final StreamCounters counters;
    private final EngineSettings settings;
    private final ScheduledExecutorService timers;
    private final boolean countIncomingOnRead;
    private final Wakeup wakeup = new Wakeup();
    private final AtomicReference<Pipeline> pending = new AtomicReference<>();
    private final Object interruptLock = new Object();
    private final Thread thread;
    private volatile Pipeline pipeline;
    private volatile boolean stopping;
    private boolean inDestination;

    private List<DeliveryRecord> buffer = new ArrayList<>();
    private long bufferBytes;
    private long oldestBuffered = -1;
    private CompletableFuture<Void> moreRecords;
    private ScheduledFuture<?> timer;
    private long timerDue;

    DeliveryLoop(Pipeline pipeline, SourceReader source, StreamCounters counters, EngineSettings settings,
            ScheduledExecutorService timers, boolean countIncomingOnRead) {
        this.name = pipeline.spec().ref().name();
        this.pipeline = pipeline;
        this.source = source;
        this.counters = counters;
        this.settings = settings;
        this.timers = timers;
        this.countIncomingOnRead = countIncomingOnRead;
        this.thread = new Thread(this, "freshet-delivery-" + name);
        this.thread.setDaemon(true);
        counters.unreadFrom(source::oldestUnreadArrival);
    }

    void start() {
        thread.start();
    }

    long versionId() {
        Pipeline next = pending.get();
        return next != null ? next.versionId() : pipeline.versionId();
    }

    /**
     * Delivers with {@code next} from the next batch on. A batch that is failing meanwhile (say,
     * to a bucket that does not exist) is retried under {@code next} at once: a new version is how
     * a user repairs a broken destination.
     */
    void switchTo(Pipeline next) {
        Pipeline replaced = pending.getAndSet(next);
        if (replaced != null) {
            replaced.close();
        }
        wakeup.signal();
        if (counters.failureDescription() != null) {
            interruptDestination();
        }
    }

    /**
     * Asks the thread to stop: at once when {@code discard} (the stream is deleted) or when its
     * batch is failing anyway, else after the batch in flight. See {@link #awaitStopped}.
     */
    void requestStop(boolean discard) {
        stopping = true;
        wakeup.signal();
        if (discard || counters.failureDescription() != null) {
            interruptDestination();
        }
    }

    /** Waits for the thread, at most {@code graceMillis} before interrupting its destination, then closes the parts. */
    void awaitStopped(long graceMillis) {
        try {
            thread.join(Math.max(1, graceMillis));
            while (thread.isAlive()) {
                interruptDestination();
                thread.join(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Pipeline next = pending.getAndSet(null);
        if (next != null) {
            next.close();
        }
        pipeline.close();
        source.close();
    }

    @Override
    public void run() {
        int failures = 0;
        while (!stopping) {
            try {
                step();
                failures = 0;
            } catch (InterruptedException e) {
                break;
            } catch (RuntimeException e) {
                failures++;
                counters.failing("InternalError", String.valueOf(e.getMessage()));
                LOG.atError().setMessage("delivery loop failed, retrying").addKeyValue("stream", name).setCause(e).log();
                if (!pause(settings.retry().delayMillis(failures, true))) {
                    break;
                }
            }
        }
    }

    private void step() throws InterruptedException {
        fill();
        // after the read, so that records that arrived after a switch are never flushed by the old version
        switchPending();
        if (buffer.isEmpty()) {
            await(MAX_WAIT_MILLIS);
            return;
        }
        BufferingHints hints = pipeline.hints();
        long due = oldestBuffered + hints.intervalMillis();
        long now = settings.clock().millis();
        if (bufferBytes >= hints.sizeBytes() || now >= due) {
            flush();
        } else {
            armTimer(due, now);
            await(MAX_WAIT_MILLIS);
        }
    }

    /** One timer per buffer (not one per wake-up: appends may wake the thread thousands of times per interval). */
    private void armTimer(long due, long now) {
        if (timer != null && timerDue == due) {
            return;
        }
        disarmTimer();
        timer = timers.schedule(wakeup::signal, due - now, TimeUnit.MILLISECONDS);
        timerDue = due;
    }

    private void disarmTimer() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    /** Reads what is waiting, up to the buffer's size hint. */
    private void fill() {
        long limit = pipeline.hints().sizeBytes();
        while (bufferBytes < limit) {
            int before = buffer.size();
            long bytes = source.read(buffer, settings.readRecords(), limit - bufferBytes);
            if (buffer.size() == before) {
                return;
            }
            if (before == 0) {
                oldestBuffered = buffer.get(0).arrivalMillis();
                counters.inFlight(oldestBuffered);
            }
            bufferBytes += bytes;
            if (countIncomingOnRead) {
                counters.incoming(buffer.size() - before, bytes);
            }
        }
    }

    private void await(long maxMillis) throws InterruptedException {
        if (moreRecords == null || moreRecords.isDone()) {
            moreRecords = source.awaitMore();
            moreRecords.thenRun(wakeup::signal);
        }
        wakeup.await(maxMillis);
    }

    private void flush() throws InterruptedException {
        List<DeliveryRecord> records = buffer;
        long bytes = bufferBytes;
        CheckpointState mark = source.mark();
        buffer = new ArrayList<>(Math.max(16, records.size()));
        bufferBytes = 0;
        disarmTimer();
        deliver(records, bytes, mark);
        oldestBuffered = -1;
        counters.inFlight(-1);
    }

    /** Delivers the batch, retrying it as a whole until every part succeeded; then commits. */
    private void deliver(List<DeliveryRecord> records, long bytes, CheckpointState mark) throws InterruptedException {
        int failures = 0;
        while (true) {
            try {
                enterDestination();
                try {
                    attempt(pipeline, records);
                } finally {
                    leaveDestination();
                }
                source.commit(mark);
                if (failures > 0) {
                    counters.recovered();
                }
                return;
            } catch (InterruptedException e) {
                if (stopping || !switchPending()) {
                    throw e;
                }
                LOG.atInfo().setMessage("retrying a failing batch under the new version").addKeyValue("stream", name)
                    .addKeyValue("version", pipeline.versionId()).log();
            } catch (RuntimeException e) {
                failures++;
                counters.failing("InternalError", String.valueOf(e.getMessage()));
                LOG.atWarn().setMessage("delivery failed, retrying the batch").addKeyValue("stream", name)
                    .addKeyValue("records", records.size()).addKeyValue("bytes", bytes).setCause(e).log();
                if (!pause(settings.retry().delayMillis(failures, true))) {
                    throw new InterruptedException("stopping");
                }
            }
        }
    }

    /** Applies a pending version; false when there is none. */
    private boolean switchPending() {
        Pipeline next = pending.getAndSet(null);
        if (next == null) {
            return false;
        }
        pipeline.close();
        pipeline = next;
        return true;
    }

    private void attempt(Pipeline current, List<DeliveryRecord> records) throws InterruptedException {
        if (current.sourceBackup().isPresent()) {
            current.sourceBackup().get().writeRecords(records);
        }
        ProcessingResult processed = current.processor().process(current.spec().ref(), records);
        List<FailedRecord> failed = new ArrayList<>(processed.failed());
        long delivered = 0;
        long deliveredBytes = 0;
        if (!processed.records().isEmpty()) {
            DeliveryResult result = current.destination().deliver(new DeliveryBatch(current.spec().ref(), processed.records()));
            failed.addAll(result.failed());
            delivered = processed.records().size() - result.failed().size();
            for (DeliveryRecord record : processed.records()) {
                deliveredBytes += record.data().length;
            }
            for (FailedRecord record : result.failed()) {
                deliveredBytes -= record.record().data().length;
            }
        }
        List<FailedRecord> toWrite = new ArrayList<>(failed.size());
        for (FailedRecord record : failed) {
            if (!ALREADY_IN_ERROR_OUTPUT.contains(record.errorOutputType())) {
                toWrite.add(record);
            }
        }
        if (!toWrite.isEmpty()) {
            ErrorOutput errors = current.errorOutput().orElseThrow(() -> new IllegalStateException(
                "records failed and the destination has no S3 location for its error output"));
            errors.write(toWrite);
        }
        counters.errorOutput(failed.size());
        counters.processingFailed(processed.failed().size());
        counters.delivered(delivered, deliveredBytes);
    }

    private void enterDestination() throws InterruptedException {
        synchronized (interruptLock) {
            if (stopping && Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("stopping");
            }
            inDestination = true;
        }
    }

    private void leaveDestination() {
        synchronized (interruptLock) {
            inDestination = false;
            Thread.interrupted();
        }
    }

    private void interruptDestination() {
        synchronized (interruptLock) {
            if (inDestination) {
                thread.interrupt();
            }
        }
    }

    /** Waits before a retry; false when the stream is stopping. */
    private boolean pause(long millis) {
        ScheduledFuture<?> retryTimer = timers.schedule(wakeup::signal, millis, TimeUnit.MILLISECONDS);
        try {
            wakeup.await(millis);
        } catch (InterruptedException e) {
            return false;
        } finally {
            retryTimer.cancel(false);
        }
        return !stopping;
    }
}
