package dev.freshet.delivery.engine;

import dev.freshet.delivery.store.LocalDirectoryStore;
import dev.freshet.delivery.store.ObjectStore;
import dev.freshet.delivery.store.ObjectStoreException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A local directory store that remembers the keys it stored, in order, and can be made to fail. */
final class RecordingStore implements ObjectStore {

    record Stored(String bucket, String key) {
    }

    final LocalDirectoryStore local;
    final List<Stored> stored = new CopyOnWriteArrayList<>();
    final AtomicInteger failedAttempts = new AtomicInteger();
    volatile boolean failing;
    volatile boolean retryable = true;
    volatile java.util.function.Consumer<byte[]> onStored = content -> { };
    final java.util.Set<String> missingBuckets = java.util.concurrent.ConcurrentHashMap.newKeySet();

    RecordingStore(Path root) {
        this.local = new LocalDirectoryStore(root, false);
    }

    @Override
    public void put(String bucket, String key, byte[] content) throws ObjectStoreException {
        if (failing) {
            failedAttempts.incrementAndGet();
            throw new ObjectStoreException(retryable ? "ServiceUnavailable" : "NoSuchBucket", "the store is down",
                retryable, null);
        }
        if (missingBuckets.contains(bucket)) {
            failedAttempts.incrementAndGet();
            throw new ObjectStoreException("NoSuchBucket", "The specified bucket does not exist", false, null);
        }
        local.put(bucket, key, content);
        stored.add(new Stored(bucket, key));
        onStored.accept(content);
    }

    List<Stored> in(String bucket) {
        return stored.stream().filter(s -> s.bucket().equals(bucket)).toList();
    }

    @Override
    public void close() {
    }
}
