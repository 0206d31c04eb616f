package dev.freshet.webrtc.receive;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The counters of one receive pipeline node, one per constant of its enum, so each node says in
 * one place what it counts and metrics can name the counters by {@link Enum#name()}.
 *
 * <p>Written by the stream's receive thread; thread-safe, so metrics can read them from anywhere.
 *
 * @param <E> the node's enum of counted events
 */
public final class NodeCounters<E extends Enum<E>> {

    private final E[] names;
    private final AtomicLongArray counts;

    NodeCounters(Class<E> type) {
        this.names = type.getEnumConstants();
        this.counts = new AtomicLongArray(names.length);
    }

    void increment(E event) {
        counts.incrementAndGet(event.ordinal());
    }

    void add(E event, long n) {
        counts.addAndGet(event.ordinal(), n);
    }

    /** How many times {@code event} happened so far. */
    public long get(E event) {
        return counts.get(event.ordinal());
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("[");
        for (E name : names) {
            out.append(out.length() > 1 ? " " : "").append(name.name().toLowerCase()).append('=').append(get(name));
        }
        return out.append(']').toString();
    }
}
