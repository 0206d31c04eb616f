package dev.freshet.delivery.engine;

import static org.awaitility.Awaitility.await;

import dev.freshet.delivery.DeliveryMetrics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A quick in-process measure of delivered throughput and freshness (1 KiB JSON-like records,
 * PutRecordBatch-sized puts, local directory store, IntervalInSeconds 0). Run with
 * {@code -Dfreshet.bench=true}; the real benchmark (generator as its own process, HTTP front end)
 * belongs in tests/.
 */
@EnabledIfSystemProperty(named = "freshet.bench", matches = "true")
class DeliveryThroughputTest extends EngineFixture {

    private static final int RECORDS = 300_000;

    @Test
    void uncompressedAsFastAsPossible() throws Exception {
        saturate("raw", "");
    }

    @Test
    void gzipAsFastAsPossible() throws Exception {
        saturate("gzip", ",\"CompressionFormat\":\"GZIP\"");
    }

    @Test
    void freshnessAtTwentyMegabytesPerSecond() throws Exception {
        List<Long> ages = new CopyOnWriteArrayList<>();
        store.onStored = content -> ages.add(System.currentTimeMillis() - Long.parseLong(
            new String(content, 7, 13, StandardCharsets.US_ASCII)));
        engine.run(spec("fresh", 1, s3(hints(5, 0))));
        long started = System.nanoTime();
        int batches = 0;
        while (System.nanoTime() - started < 10_000_000_000L) {
            engine.put("fresh", batch(100, System.currentTimeMillis()));
            batches++;
            LockSupport.parkNanos(Math.max(0, started + batches * 5_000_000L - System.nanoTime()));
        }
        long total = batches * 100L;
        await().atMost(Duration.ofSeconds(30)).until(() -> metrics("fresh").deliveredRecords() == total);
        List<Long> sorted = new ArrayList<>(ages);
        Collections.sort(sorted);
        System.out.printf("freshness at %.1f MB/s: objects %d, p50 %d ms, p99 %d ms, max %d ms%n",
            metrics("fresh").deliveredBytes() / 1e6 / 10, sorted.size(), sorted.get(sorted.size() / 2),
            sorted.get(sorted.size() * 99 / 100), sorted.get(sorted.size() - 1));
    }

    private static List<byte[]> batch(int count, long millis) {
        Random random = new Random(millis);
        List<byte[]> records = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            StringBuilder json = new StringBuilder(1024).append(String.format("{\"at\":\"%013d\",\"user\":%d,\"tags\":[", millis,
                random.nextInt(100_000)));
            while (json.length() < 1000) {
                json.append('"').append(Long.toHexString(random.nextLong())).append("\",");
            }
            json.setLength(1021);
            records.add(json.append("]}\n").toString().getBytes(StandardCharsets.US_ASCII));
        }
        return records;
    }

    private void saturate(String stream, String extra) throws Exception {
        engine.run(spec(stream, 1, s3(hints(5, 0) + extra)));
        List<byte[]> batch = batch(500, 0);
        long started = System.nanoTime();
        List<CompletableFuture<List<String>>> pending = new ArrayList<>();
        for (int i = 0; i < RECORDS; i += 500) {
            pending.add(engine.put(stream, batch));
            if (pending.size() > 8) {
                pending.remove(0).get();
            }
        }
        for (CompletableFuture<List<String>> put : pending) {
            put.get();
        }
        long accepted = System.nanoTime();
        DeliveryMetrics metrics = metrics(stream);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(10))
            .until(() -> metrics.deliveredRecords() == RECORDS);
        long delivered = System.nanoTime();
        double megabytes = metrics.deliveredBytes() / 1e6;
        System.out.printf("%s: %.0f MB accepted in %.2f s, delivered in %.2f s: %.1f MB/s delivered, %d objects%n",
            stream, megabytes, (accepted - started) / 1e9, (delivered - started) / 1e9,
            megabytes / ((delivered - started) / 1e9), store.stored.size());
    }
}
