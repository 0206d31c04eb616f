package dev.freshet.bench.video;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;

/**
 * What all PutMedia uploads did inside the measured {@link Window}: octets and frames written, how
 * late each frame left the camera (so a generator that fell behind real time shows), durable-ack
 * latencies, ERROR acks and failed streams (with their first reasons, for the report). Latencies
 * are kept in microseconds with three significant digits (HdrHistogram).
 *
 * <p>Thread-safe: every upload's writer and reader threads record into it.
 */
final class IngestStats {

    private static final int KEPT_PROBLEMS = 10;

    private final Window window;
    private final Histogram durable = new ConcurrentHistogram(3);
    private final Histogram sendLag = new ConcurrentHistogram(3);
    private final LongAdder bytes = new LongAdder();
    private final LongAdder frames = new LongAdder();
    private final LongAdder errorAcks = new LongAdder();
    private final LongAdder failedStreams = new LongAdder();
    private final LongAdder missingAcks = new LongAdder();
    private final Queue<String> problems = new ConcurrentLinkedQueue<>();

    IngestStats(Window window) {
        this.window = window;
    }

    Window window() {
        return window;
    }

    /** One chunk of {@code octets} left for the server at {@code sentNanos}; it was due at {@code dueNanos}. */
    void written(long dueNanos, long sentNanos, int octets) {
        if (window.contains(sentNanos)) {
            bytes.add(octets);
            frames.increment();
            sendLag.recordValue(Math.max(0, (sentNanos - dueNanos) / 1_000));
        }
    }

    /** A fragment the server could know complete at {@code completeNanos} was acknowledged PERSISTED at {@code ackNanos}. */
    void persisted(long completeNanos, long ackNanos) {
        if (window.contains(completeNanos)) {
            durable.recordValue(Math.max(0, (ackNanos - completeNanos) / 1_000));
        }
    }

    /** Fragments completed inside the window that were never acknowledged PERSISTED. */
    void missing(int fragments) {
        missingAcks.add(fragments);
    }

    void errorAck(String stream, String line) {
        errorAcks.increment();
        problem(stream + ": " + line);
    }

    void streamFailed(String stream, String reason) {
        failedStreams.increment();
        problem(stream + ": " + reason);
    }

    Histogram durable() {
        return durable;
    }

    Histogram sendLag() {
        return sendLag;
    }

    long bytes() {
        return bytes.sum();
    }

    long frames() {
        return frames.sum();
    }

    long errorAcks() {
        return errorAcks.sum();
    }

    long failedStreams() {
        return failedStreams.sum();
    }

    long missingAcks() {
        return missingAcks.sum();
    }

    /** The first few problems, for the report. */
    Iterable<String> problems() {
        return problems;
    }

    private void problem(String text) {
        if (problems.size() < KEPT_PROBLEMS) {
            problems.add(text);
        }
        System.err.println("ingest problem: " + text);
    }
}
