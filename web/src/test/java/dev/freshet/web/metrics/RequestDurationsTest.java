package dev.freshet.web.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.junit.jupiter.api.Test;

class RequestDurationsTest {

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final RequestDurations durations = new RequestDurations(registry);

    private String exposition() {
        return PrometheusTextFormatWriter.create().toDebugString(registry.scrape());
    }

    @Test
    void histogramIsLabelledByServiceOperationAndStatus() {
        durations.record("Kinesis_20131202", "PutRecord", 200, 3_000_000);
        durations.record("Kinesis_20131202", "PutRecord", 200, 40_000_000);

        assertThat(exposition())
            .contains("# TYPE freshet_request_duration_seconds histogram")
            .contains("freshet_request_duration_seconds_count{operation=\"PutRecord\",service=\"Kinesis_20131202\",status=\"200\"} 2\n")
            .contains("freshet_request_duration_seconds_bucket{operation=\"PutRecord\",service=\"Kinesis_20131202\",status=\"200\",le=\"0.005\"} 1\n")
            .contains("freshet_request_duration_seconds_sum{operation=\"PutRecord\",service=\"Kinesis_20131202\",status=\"200\"} 0.043");
    }

    @Test
    void operationNamesAreCapped() {
        for (int i = 0; i < RequestDurations.MAX_OPERATIONS + 20; i++) {
            durations.record("Kinesis_20131202", "Op" + i, 400, 1_000);
        }

        String text = exposition();
        assertThat(text).contains("operation=\"Op0\"").contains("operation=\"Op499\"").doesNotContain("operation=\"Op500\"");
        assertThat(text).contains("freshet_request_duration_seconds_count{operation=\"other\",service=\"Kinesis_20131202\",status=\"400\"} 20\n");
    }
}
