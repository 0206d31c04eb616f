package dev.freshet.web.firehose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freshet.delivery.DeliveryEngine;
import dev.freshet.delivery.DeliveryMetrics;
import dev.freshet.delivery.DeliveryStreamSpec;
import dev.freshet.delivery.DestinationKind;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class DeliveryMetricsCollectorTest {

    @Test
    void cloudWatchNamesBecomePrometheusNames() {
        assertThat(DeliveryMetricsCollector.prometheusName("DeliveryToS3.Records"))
            .isEqualTo("freshet_firehose_delivery_to_s3_records");
        assertThat(DeliveryMetricsCollector.prometheusName("DeliveryToHttpEndpoint.ProcessedRecords"))
            .isEqualTo("freshet_firehose_delivery_to_http_endpoint_processed_records");
        assertThat(DeliveryMetricsCollector.prometheusName("DeliveryToAmazonOpenSearchService.Success"))
            .isEqualTo("freshet_firehose_delivery_to_amazon_opensearch_service_success");
    }

    @Test
    void everyRunningStreamIsExportedByItsDestination() throws IOException {
        PrometheusRegistry registry = new PrometheusRegistry();
        Map<String, DeliveryMetrics> running = Map.of("to-s3", new Figures(Map.of(), null,
                Map.of("PartitionCount", 3L, "PartitionCountExceeded", 1L, "ActivePartitionsLimit", 3L)),
            "to-http", new Figures(Map.of("DeliveryToHttpEndpoint.Records", 7L, "DeliveryToHttpEndpoint.Success", 2L),
                "HTTP.ConnectionFailed: refused", Map.of()));
        DeliveryMetricsCollector collector = new DeliveryMetricsCollector(registry, () -> Map.of(
            "to-s3", new DeliveryMetricsCollector.Stream(DestinationKind.EXTENDED_S3, true),
            "to-http", new DeliveryMetricsCollector.Stream(DestinationKind.HTTP_ENDPOINT, false),
            "stopped", new DeliveryMetricsCollector.Stream(DestinationKind.S3, false)), new Engine(running));

        String text = scrape(registry);

        assertThat(text)
            .contains("freshet_firehose_delivery_to_s3_records_total{delivery_stream=\"to-s3\"} 5.0")
            .contains("freshet_firehose_delivery_to_s3_bytes_total{delivery_stream=\"to-s3\"} 50.0")
            .contains("freshet_firehose_delivery_to_s3_success_total{delivery_stream=\"to-s3\"} 2.0")
            .contains("freshet_firehose_delivery_to_s3_attempts_total{delivery_stream=\"to-s3\"} 3.0")
            .contains("freshet_firehose_delivery_to_s3_data_freshness_seconds{delivery_stream=\"to-s3\"} 1.5")
            .contains("freshet_firehose_processing_failed_records_total{delivery_stream=\"to-s3\"} 4.0")
            .contains("freshet_firehose_data_read_from_kinesis_stream_records_total{delivery_stream=\"to-s3\"} 6.0")
            .contains("freshet_firehose_data_read_from_kinesis_stream_bytes_total{delivery_stream=\"to-s3\"} 60.0")
            .doesNotContain("data_read_from_kinesis_stream_records_total{delivery_stream=\"to-http\"}")
            .contains("freshet_firehose_error_output_records_total{delivery_stream=\"to-s3\"} 4.0")
            .contains("freshet_firehose_delivery_to_http_endpoint_records_total{delivery_stream=\"to-http\"} 7.0")
            .contains("freshet_firehose_delivery_to_http_endpoint_data_freshness_seconds{delivery_stream=\"to-http\"} 1.5")
            .contains("freshet_firehose_delivery_failing{delivery_stream=\"to-http\"} 1.0")
            .contains("freshet_firehose_delivery_failing{delivery_stream=\"to-s3\"} 0.0")
            .contains("# TYPE freshet_firehose_partition_count gauge")
            .contains("freshet_firehose_partition_count{delivery_stream=\"to-s3\"} 3.0")
            .contains("freshet_firehose_partition_count_exceeded{delivery_stream=\"to-s3\"} 1.0")
            .contains("freshet_firehose_active_partitions_limit{delivery_stream=\"to-s3\"} 3.0")
            .doesNotContain("partition_count{delivery_stream=\"to-http\"}")
            .doesNotContain("stopped")
            .doesNotContain("delivery_to_s3_records_total{delivery_stream=\"to-http\"}");
        collector.close();
        assertThat(scrape(registry)).doesNotContain("freshet_firehose_delivery");
    }

    private static String scrape(PrometheusRegistry registry) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrometheusTextFormatWriter.create().write(out, registry.scrape());
        return out.toString(StandardCharsets.UTF_8);
    }

    private record Figures(Map<String, Long> destinationCounters, String failureDescription,
            Map<String, Long> destinationGauges) implements DeliveryMetrics {

        @Override
        public long incomingRecords() {
            return 6;
        }

        @Override
        public long incomingBytes() {
            return 60;
        }

        @Override
        public long deliveredRecords() {
            return 5;
        }

        @Override
        public long deliveredBytes() {
            return 50;
        }

        @Override
        public long successfulDeliveries() {
            return 2;
        }

        @Override
        public long failedAttempts() {
            return 1;
        }

        @Override
        public long dataFreshnessMillis() {
            return 1500;
        }

        @Override
        public long processingFailedRecords() {
            return 4;
        }

        @Override
        public long errorOutputRecords() {
            return 4;
        }
    }

    private record Engine(Map<String, DeliveryMetrics> running) implements DeliveryEngine {

        @Override
        public void run(DeliveryStreamSpec spec) {
        }

        @Override
        public CompletableFuture<List<String>> put(String deliveryStreamName, List<byte[]> records) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void delete(String deliveryStreamName) {
        }

        @Override
        public Optional<DeliveryMetrics> metrics(String deliveryStreamName) {
            return Optional.ofNullable(running.get(deliveryStreamName));
        }

        @Override
        public void close() {
        }
    }
}
