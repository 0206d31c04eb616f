package dev.freshet.delivery.engine;

import static org.awaitility.Awaitility.await;

import dev.freshet.delivery.DeliveryMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A quick in-process measure of delivered throughput (1 KiB records, PutRecordBatch-sized puts,
 * local directory store). Run with {@code -Dfreshet.bench=true}; the real benchmark (generator as
 * its own process, HTTP front end) lives in tests/.
 */
@EnabledIfSystemProperty(named = "freshet.bench", matches = "true")
class DeliveryThroughputTest extends EngineFixture {

    private static final int RECORDS = 300_000;

    @Test
    void uncompressed() throws Exception {
        measure("UNCOMPRESSED", "");
    }

    @Test
    void gzip() throws Exception {
        measure("GZIP", ",\"CompressionFormat\":\"GZIP\"");
    }

    private void measure(String label, String extra) throws Exception {
        engine.run(spec(label.toLowerCase(), 1, s3(hints(5, 0) + extra)));
        List<byte[]> batch = records(0, 500);
        long started = System.nanoTime();
        List<CompletableFuture<List<String>>> pending = new ArrayList<>();
        for (int i = 0; i < RECORDS; i += 500) {
            pending.add(engine.put(label.toLowerCase(), batch));
            if (pending.size() > 8) {
                pending.remove(0).get();
            }
        }
        for (CompletableFuture<List<String>> put : pending) {
            put.get();
        }
        long accepted = System.nanoTime();
        DeliveryMetrics metrics = metrics(label.toLowerCase());
        long maxFreshness = 0;
        while (metrics.deliveredRecords() < RECORDS) {
            maxFreshness = Math.max(maxFreshness, metrics.dataFreshnessMillis());
            await().pollDelay(Duration.ofMillis(20)).until(() -> true);
        }
        long delivered = System.nanoTime();
        double megabytes = metrics.deliveredBytes() / 1e6;
        System.out.printf("%s: %.0f MB accepted in %.2f s, delivered in %.2f s: %.1f MB/s delivered, objects %d, max freshness seen %d ms%n",
            label, megabytes, (accepted - started) / 1e9, (delivered - started) / 1e9, megabytes / ((delivered - started) / 1e9),
            store.stored.size(), maxFreshness);
    }
}
