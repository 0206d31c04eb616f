package dev.freshet.tests.kinesis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freshet.tests.harness.FreshetServer;
import dev.freshet.tests.harness.Streams;
import dev.freshet.tests.harness.Wire;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.MetricsName;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/**
 * What an operator scraping {@code /metrics} sees: request latency by operation, per-stream traffic,
 * and per-shard series only for the shard-level metrics enhanced monitoring enabled.
 */
class MetricsTest {
    @RegisterExtension
    static final FreshetServer server = new FreshetServer();

    @Test
    void trafficShowsUpPerStreamAndPerShardOnceEnabled() throws Exception {
        KinesisClient kinesis = server.client(Wire.CBOR);
        String name = Streams.create(kinesis, "metrics", 1);
        Streams.put(kinesis, name, "k", "before");
        assertThat(scrape()).contains("freshet_kinesis_incoming_records_total{stream=\"" + name + "\"} 1.0")
            .doesNotContain("freshet_kinesis_shard_incoming_records_total{shard=\"shardId-000000000000\",stream=\"" + name + "\"}");

        kinesis.enableEnhancedMonitoring(b -> b.streamName(name).shardLevelMetrics(MetricsName.INCOMING_RECORDS,
            MetricsName.OUTGOING_BYTES));
        Streams.put(kinesis, name, "k", "after");
        Streams.readAll(kinesis, name, "shardId-000000000000");
        String metrics = scrape();

        assertThat(metrics)
            .contains("freshet_kinesis_incoming_records_total{stream=\"" + name + "\"} 2.0")
            .contains("freshet_kinesis_shard_incoming_records_total{shard=\"shardId-000000000000\",stream=\"" + name + "\"} 1.0")
            .contains("freshet_kinesis_outgoing_records_total{stream=\"" + name + "\"} 2.0")
            .contains("freshet_kinesis_shard_outgoing_bytes_total{shard=\"shardId-000000000000\",stream=\"" + name + "\"} 11.0")
            .contains("freshet_kinesis_iterator_age_milliseconds{stream=\"" + name + "\"}")
            .containsPattern("freshet_request_duration_seconds_count\\{operation=\"PutRecord\",service=\"Kinesis_20131202\",status=\"200\"\\} [1-9]");
        assertThat(Streams.iterator(kinesis, name, "shardId-000000000000", ShardIteratorType.LATEST)).isNotEmpty();
    }

    private static String scrape() throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
            HttpRequest.newBuilder(server.endpoint().resolve("/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
