package dev.freshet.delivery.engine;

import dev.freshet.delivery.DeliveryMetrics;
import dev.freshet.delivery.destination.DestinationMetrics;
import dev.freshet.delivery.destination.StreamHealth;
import java.time.InstantSource;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * One delivery stream's counters and health. Written by its put path and delivery thread, read by
 * anyone (metrics export, DescribeDeliveryStream).
 *
 * <p>Thread-safe.
 */
final class StreamCounters implements DeliveryMetrics, StreamHealth, DestinationMetrics {

    private final InstantSource clock;
    private final LongAdder incomingRecords = new LongAdder();
    private final LongAdder incomingBytes = new LongAdder();
    private final LongAdder deliveredRecords = new LongAdder();
    private final LongAdder deliveredBytes = new LongAdder();
    private final LongAdder successes = new LongAdder();
    private final LongAdder failedAttempts = new LongAdder();
    private final LongAdder processingFailed = new LongAdder();
    private final LongAdder errorOutput = new LongAdder();
    private final Map<String, LongAdder> destinationCounters = new ConcurrentHashMap<>();
    private final Map<String, Long> destinationGauges = new ConcurrentHashMap<>();
    private volatile String failure;
    /** Arrival of the oldest record read but not yet delivered, or -1. */
    private volatile long oldestInFlight = -1;
    private volatile LongSupplier oldestUnread = () -> -1;

    StreamCounters(InstantSource clock) {
        this.clock = clock;
    }

    void incoming(long records, long bytes) {
        incomingRecords.add(records);
        incomingBytes.add(bytes);
    }

    void delivered(long records, long bytes) {
        deliveredRecords.add(records);
        deliveredBytes.add(bytes);
        successes.increment();
    }

    void processingFailed(long records) {
        processingFailed.add(records);
    }

    void errorOutput(long records) {
        errorOutput.add(records);
    }

    void inFlight(long oldestArrivalMillis) {
        oldestInFlight = oldestArrivalMillis;
    }

    void unreadFrom(LongSupplier source) {
        oldestUnread = source;
    }

    @Override
    public void count(String name, long amount) {
        destinationCounters.computeIfAbsent(name, key -> new LongAdder()).add(amount);
    }

    @Override
    public void gauge(String name, long value) {
        destinationGauges.put(name, value);
    }

    @Override
    public Map<String, Long> destinationGauges() {
        return new TreeMap<>(destinationGauges);
    }

    @Override
    public Map<String, Long> destinationCounters() {
        Map<String, Long> values = new TreeMap<>();
        destinationCounters.forEach((name, counter) -> values.put(name, counter.sum()));
        return values;
    }

    @Override
    public void failing(String errorCode, String message) {
        failedAttempts.increment();
        failure = errorCode + ": " + message;
    }

    @Override
    public void recovered() {
        failure = null;
    }

    @Override
    public long incomingRecords() {
        return incomingRecords.sum();
    }

    @Override
    public long incomingBytes() {
        return incomingBytes.sum();
    }

    @Override
    public long deliveredRecords() {
        return deliveredRecords.sum();
    }

    @Override
    public long deliveredBytes() {
        return deliveredBytes.sum();
    }

    @Override
    public long successfulDeliveries() {
        return successes.sum();
    }

    @Override
    public long failedAttempts() {
        return failedAttempts.sum();
    }

    @Override
    public long dataFreshnessMillis() {
        long oldest = oldestInFlight;
        if (oldest < 0) {
            oldest = oldestUnread.getAsLong();
        }
        return oldest < 0 ? 0 : Math.max(0, clock.millis() - oldest);
    }

    @Override
    public long processingFailedRecords() {
        return processingFailed.sum();
    }

    @Override
    public long errorOutputRecords() {
        return errorOutput.sum();
    }

    @Override
    public String failureDescription() {
        return failure;
    }
}
