package dev.freshet.bench.firehose;

import java.time.Duration;

/**
 * A probe that asks its destination what is new every {@code period} (S3 listings, SQL queries,
 * searches: another process's data, with nothing to wait on but the next poll), so freshness
 * includes up to one period of polling.
 *
 * <p>{@link #watch} on one thread; {@link #close} from any.
 */
abstract class PollingProbe implements DestinationProbe {

    private final Duration period;
    private volatile boolean closed;

    PollingProbe(Duration period) {
        this.period = period;
    }

    /** One look at the destination: reports what became visible since the last. */
    abstract void poll(DeliveredRecords delivered) throws Exception;

    @Override
    public final void watch(DeliveredRecords delivered) throws Exception {
        while (!closed) {
            long next = System.nanoTime() + period.toNanos();
            poll(delivered);
            long rest = next - System.nanoTime();
            if (rest > 0) {
                Thread.sleep(rest / 1_000_000, (int) (rest % 1_000_000));
            }
        }
    }

    @Override
    public void close() throws Exception {
        closed = true;
    }
}
