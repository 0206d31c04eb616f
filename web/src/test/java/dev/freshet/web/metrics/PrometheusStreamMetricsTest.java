package dev.freshet.web.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class PrometheusStreamMetricsTest {

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final PrometheusStreamMetrics metrics = new PrometheusStreamMetrics(registry);

    private String exposition() {
        return PrometheusTextFormatWriter.create().toDebugString(registry.scrape());
    }

    @Test
    void streamLevelCountersAreAlwaysExposed() {
        metrics.incoming("orders", "shardId-000000000000", false, 3, 300);
        metrics.incoming("orders", "shardId-000000000001", false, 2, 50);
        metrics.outgoing("orders", "shardId-000000000000", false, 4, 120);

        assertThat(exposition())
            .contains("# TYPE freshet_kinesis_incoming_records_total counter")
            .contains("freshet_kinesis_incoming_records_total{stream=\"orders\"} 5.0\n")
            .contains("freshet_kinesis_incoming_bytes_total{stream=\"orders\"} 350.0\n")
            .contains("freshet_kinesis_outgoing_records_total{stream=\"orders\"} 4.0\n")
            .contains("freshet_kinesis_outgoing_bytes_total{stream=\"orders\"} 120.0\n")
            .doesNotContain("freshet_kinesis_shard_incoming_records_total{");
    }

    @Test
    void shardSeriesOnlyWithShardLevelMonitoring() {
        metrics.incoming("orders", "shardId-000000000000", true, 3, 300);
        metrics.incoming("orders", "shardId-000000000001", false, 2, 50);

        assertThat(exposition())
            .contains("freshet_kinesis_shard_incoming_records_total{shard=\"shardId-000000000000\",stream=\"orders\"} 3.0\n")
            .doesNotContain("shard=\"shardId-000000000001\"")
            .contains("freshet_kinesis_incoming_records_total{stream=\"orders\"} 5.0\n");
    }

    @Test
    void iteratorAgeIsTheLatestReport() {
        metrics.iteratorAge("orders", "shardId-000000000000", true, 5_000);
        metrics.iteratorAge("orders", "shardId-000000000000", true, 1_200);

        assertThat(exposition())
            .contains("# TYPE freshet_kinesis_iterator_age_milliseconds gauge")
            .contains("freshet_kinesis_iterator_age_milliseconds{stream=\"orders\"} 1200.0\n")
            .contains("freshet_kinesis_shard_iterator_age_milliseconds{shard=\"shardId-000000000000\",stream=\"orders\"} 1200.0\n");
    }

    @Test
    void throughputExceededIsLabelledByKind() {
        metrics.throughputExceeded("orders", "shardId-000000000000", false, true);
        metrics.throughputExceeded("orders", "shardId-000000000000", false, true);
        metrics.throughputExceeded("orders", "shardId-000000000000", false, false);

        assertThat(exposition())
            .contains("freshet_kinesis_throughput_exceeded_total{kind=\"write\",stream=\"orders\"} 2.0\n")
            .contains("freshet_kinesis_throughput_exceeded_total{kind=\"read\",stream=\"orders\"} 1.0\n");
    }

    @Test
    void removingAStreamDropsOnlyItsSeries() {
        metrics.incoming("orders", "shardId-000000000000", true, 1, 10);
        metrics.incoming("clicks", "shardId-000000000000", true, 1, 10);

        metrics.streamRemoved("orders");

        assertThat(exposition()).doesNotContain("stream=\"orders\"").contains("stream=\"clicks\"");
    }

    @Test
    void aRecreatedStreamStartsFromZero() {
        metrics.incoming("orders", "shardId-000000000000", false, 7, 70);
        metrics.streamRemoved("orders");
        metrics.incoming("orders", "shardId-000000000000", false, 1, 10);

        assertThat(exposition()).contains("freshet_kinesis_incoming_records_total{stream=\"orders\"} 1.0\n");
    }

    @Test
    void emptyReadsAddNothingAndDoNotFail() {
        metrics.outgoing("orders", "shardId-000000000000", false, 0, 0);
        metrics.outgoing("orders", "shardId-000000000000", false, -1, -1);

        assertThat(exposition()).contains("freshet_kinesis_outgoing_records_total{stream=\"orders\"} 0.0\n");
    }

    @Test
    void concurrentReportsAllCount() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            String shard = "shardId-00000000000" + t;
            done.add(pool.submit(() -> {
                for (int i = 0; i < 10_000; i++) {
                    metrics.incoming("orders", shard, true, 1, 100);
                }
            }));
        }
        for (Future<?> future : done) {
            future.get();
        }
        pool.shutdown();

        assertThat(exposition())
            .contains("freshet_kinesis_incoming_records_total{stream=\"orders\"} 40000.0\n")
            .contains("freshet_kinesis_incoming_bytes_total{stream=\"orders\"} 4000000.0\n");
    }

    @Test
    void reportingAKnownLabelSetDoesNotAllocate() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        report(50_000);

        long before = threads.getThreadAllocatedBytes(thread);
        report(100_000);
        long allocated = threads.getThreadAllocatedBytes(thread) - before;

        assertThat(allocated).as("bytes allocated by 400,000 calls").isLessThan(100_000);
    }

    private void report(int calls) {
        for (int i = 0; i < calls; i++) {
            metrics.incoming("orders", "shardId-000000000003", true, 10, 1000);
            metrics.outgoing("orders", "shardId-000000000003", true, 10, 1000);
            metrics.iteratorAge("orders", "shardId-000000000003", true, i);
            metrics.throughputExceeded("orders", "shardId-000000000003", true, true);
        }
    }
}
