package dev.freshet.webrtc.depacketize;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Per-reason counts of what one depacketizer dropped. Written by the depacketizer's thread;
 * thread-safe, so metrics can read them from anywhere.
 */
public final class DropCounters {

    private final AtomicLongArray counts = new AtomicLongArray(DepacketizeDrop.values().length);

    void increment(DepacketizeDrop drop) {
        counts.incrementAndGet(drop.ordinal());
    }

    /** How many times {@code drop} happened so far. */
    public long get(DepacketizeDrop drop) {
        return counts.get(drop.ordinal());
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("DropCounters[");
        for (DepacketizeDrop drop : DepacketizeDrop.values()) {
            out.append(drop.id()).append('=').append(get(drop)).append(drop.ordinal() + 1 < counts.length() ? " " : "]");
        }
        return out.toString();
    }
}
