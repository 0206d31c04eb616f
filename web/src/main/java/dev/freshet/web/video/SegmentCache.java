package dev.freshet.web.video;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * The most recently served playback media (init segments, fMP4 segments, LL-HLS parts), bounded by
 * bytes. Live viewers all ask for the same newest parts and segments within a second of each other:
 * each is muxed once and then served from memory. Entries never go stale — a fragment's media and
 * its parts never change once cut, and a re-created stream has a new id. Concurrent requests for
 * the same missing entry wait for one muxing instead of each doing it.
 *
 * <p>Thread-safe.
 */
final class SegmentCache {

    /** What a cached entry is: {@code resource} tells init, segment and part apart. */
    record Key(String streamId, String resource, long sequence, int part) {
    }

    private final long maxBytes;
    private final Map<Key, byte[]> entries = new LinkedHashMap<>(256, 0.75f, true);
    private final Map<Key, CompletableFuture<byte[]>> making = new LinkedHashMap<>();
    private long bytes;

    SegmentCache(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** The cached bytes of {@code key}, made (once, by this or a concurrent caller) if missing. */
    byte[] get(Key key, Supplier<byte[]> make) {
        CompletableFuture<byte[]> pending;
        boolean mine = false;
        synchronized (this) {
            byte[] cached = entries.get(key);
            if (cached != null) {
                return cached;
            }
            pending = making.get(key);
            if (pending == null) {
                pending = new CompletableFuture<>();
                making.put(key, pending);
                mine = true;
            }
        }
        if (!mine) {
            try {
                return pending.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
            }
        }
        try {
            byte[] made = make.get();
            put(key, made);
            pending.complete(made);
            return made;
        } catch (RuntimeException e) {
            pending.completeExceptionally(e);
            throw e;
        } finally {
            synchronized (this) {
                making.remove(key);
            }
        }
    }

    synchronized long sizeBytes() {
        return bytes;
    }

    private synchronized void put(Key key, byte[] value) {
        if (value.length > maxBytes / 4) {
            return;
        }
        byte[] previous = entries.put(key, value);
        bytes += value.length - (previous == null ? 0 : previous.length);
        Iterator<byte[]> eldest = entries.values().iterator();
        while (bytes > maxBytes && eldest.hasNext()) {
            bytes -= eldest.next().length;
            eldest.remove();
        }
    }
}
