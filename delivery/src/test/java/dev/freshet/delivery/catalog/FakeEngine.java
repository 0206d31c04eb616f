package dev.freshet.delivery.catalog;

import dev.freshet.delivery.DeliveryEngine;
import dev.freshet.delivery.DeliveryErrorType;
import dev.freshet.delivery.DeliveryException;
import dev.freshet.delivery.DeliveryStreamSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** Records what the catalog asks of an engine; delivers nothing. Thread-safe. */
final class FakeEngine implements DeliveryEngine {

    final Map<String, DeliveryStreamSpec> running = new ConcurrentHashMap<>();
    final List<String> deleted = new CopyOnWriteArrayList<>();
    final List<byte[]> put = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong();
    volatile boolean unavailable;
    volatile boolean refuseRuns;

    @Override
    public void run(DeliveryStreamSpec spec) {
        if (refuseRuns) {
            throw DeliveryException.invalidArgument("cannot run " + spec.ref().name());
        }
        running.put(spec.ref().name(), spec);
    }

    @Override
    public CompletableFuture<List<String>> put(String deliveryStreamName, List<byte[]> records) {
        if (unavailable) {
            return CompletableFuture.failedFuture(new DeliveryException(DeliveryErrorType.SERVICE_UNAVAILABLE,
                "Slow down."));
        }
        List<String> result = new ArrayList<>();
        for (byte[] record : records) {
            put.add(record);
            result.add("id-" + ids.incrementAndGet());
        }
        return CompletableFuture.completedFuture(result);
    }

    @Override
    public void delete(String deliveryStreamName) {
        running.remove(deliveryStreamName);
        deleted.add(deliveryStreamName);
    }

    @Override
    public void close() {
    }
}
