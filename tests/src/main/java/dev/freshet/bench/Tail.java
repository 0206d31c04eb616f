package dev.freshet.bench;

/** The consumer side of a latency run: one reader per shard feeding a {@link LatencySink}. */
interface Tail extends AutoCloseable {

    /** Starts reading every shard from its current end; returns once all readers are in place. */
    void start() throws InterruptedException;

    /** Failed reads (calls or subscriptions) so far. */
    long errors();

    /** Stops the readers and waits for them. */
    @Override
    void close() throws InterruptedException;
}
