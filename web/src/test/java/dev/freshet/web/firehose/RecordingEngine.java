package dev.freshet.web.firehose;

import dev.freshet.delivery.DeliveryEngine;
import dev.freshet.delivery.DeliveryStreamSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** A test engine: remembers specs and records, delivers nothing. Thread-safe. */
final class RecordingEngine implements DeliveryEngine {

    final Map<String, DeliveryStreamSpec> running = new ConcurrentHashMap<>();
    final List<byte[]> records = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong();

    @Override
    public void run(DeliveryStreamSpec spec) {
        running.put(spec.ref().name(), spec);
    }

    @Override
    public CompletableFuture<List<String>> put(String deliveryStreamName, List<byte[]> batch) {
        List<String> result = new ArrayList<>();
        for (byte[] record : batch) {
            records.add(record);
            result.add("rec-" + ids.incrementAndGet());
        }
        return CompletableFuture.completedFuture(result);
    }

    @Override
    public void delete(String deliveryStreamName) {
        running.remove(deliveryStreamName);
    }

    @Override
    public void close() {
    }
}
