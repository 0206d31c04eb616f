package dev.freshet.tests.firehose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.freshet.delivery.fixtures.OpenSearchServer;
import dev.freshet.tests.harness.FreshetServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.firehose.model.AmazonopensearchserviceIndexRotationPeriod;
import software.amazon.awssdk.services.firehose.model.InvalidArgumentException;
import software.amazon.awssdk.services.firehose.model.Record;

/**
 * OpenSearch delivery, end to end: a stream naming its domain by DomainARN (resolved through the server's
 * {@code delivery-search-endpoints}) indexes every record as one document into the day-rotated index
 * ({@code <IndexName>-yyyy-MM-dd}, UTC), read back through the search API. One embedded OpenSearch for the class.
 */
class FirehoseOpenSearchDeliveryTest {

    private static final String DOMAIN_ARN = "arn:aws:es:us-east-1:000000000000:domain/freshet-logs";
    private static final ObjectMapper JSON = new ObjectMapper();

    static final OpenSearchServer search = startSearch();

    @RegisterExtension
    static final FreshetServer server = new FreshetServer("--delivery-search-endpoints",
        DOMAIN_ARN + "=" + search.endpoint());
    static FirehoseClient firehose;
    static Path dataDir;

    @BeforeAll
    static void client() {
        dataDir = server.process().dataDir(); // needs the server's delivery-search-endpoints: skipped against an external one
        firehose = Firehoses.client(server.endpoint());
    }

    @AfterAll
    static void close() throws Exception {
        firehose.close();
        search.close();
    }

    @Test
    void everyRecordIsADocumentInTheDayRotatedIndex() throws Exception {
        LocalDate before = LocalDate.now(ZoneOffset.UTC);
        firehose.createDeliveryStream(r -> r.deliveryStreamName("to-search")
            .amazonopensearchserviceDestinationConfiguration(c -> c.roleARN(Firehoses.ROLE).domainARN(DOMAIN_ARN)
                .indexName("logs").indexRotationPeriod(AmazonopensearchserviceIndexRotationPeriod.ONE_DAY)
                .bufferingHints(h -> h.sizeInMBs(1).intervalInSeconds(0))
                .s3Configuration(s3 -> s3.roleARN(Firehoses.ROLE).bucketARN("arn:aws:s3:::search-backup"))));
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            sent.add("{\"n\":" + i + ",\"level\":\"" + (i % 2 == 0 ? "info" : "warn") + "\"}");
        }
        List<Record> batch = sent.stream().map(d -> Record.builder().data(SdkBytes.fromUtf8String(d)).build()).toList();
        assertThat(firehose.putRecordBatch(r -> r.deliveryStreamName("to-search").records(batch)).failedPutCount()).isZero();
        LocalDate after = LocalDate.now(ZoneOffset.UTC);

        await("every document indexed").atMost(Duration.ofSeconds(60)).until(() -> count() >= sent.size());
        assertThat(count()).isEqualTo(sent.size());
        JsonNode hits = JSON.readTree(search.request("GET", "/logs-*/_search?size=100&sort=n:asc", null))
            .path("hits").path("hits");
        List<String> documents = new ArrayList<>();
        List<String> indexes = new ArrayList<>();
        for (JsonNode hit : hits) {
            documents.add(JSON.writeValueAsString(hit.path("_source")));
            indexes.add(hit.path("_index").asText());
        }
        assertThat(documents).containsExactlyElementsOf(sent);
        assertThat(indexes).allSatisfy(index -> assertThat(index).isIn("logs-" + before, "logs-" + after));
        assertThat(DeliveredObjects.keys(dataDir, "search-backup", "")).as("nothing failed").isEmpty();
    }

    @Test
    void aDomainArnTheServerCannotResolveIsRefusedAtCreation() {
        assertThatThrownBy(() -> firehose.createDeliveryStream(r -> r.deliveryStreamName("to-unknown-domain")
            .amazonopensearchserviceDestinationConfiguration(c -> c.roleARN(Firehoses.ROLE)
                .domainARN("arn:aws:es:us-east-1:000000000000:domain/not-mapped").indexName("logs")
                .s3Configuration(s3 -> s3.roleARN(Firehoses.ROLE).bucketARN("arn:aws:s3:::search-backup")))))
            .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("cannot be resolved here");
        assertThat(firehose.listDeliveryStreams(r -> r.limit(100)).deliveryStreamNames()).doesNotContain("to-unknown-domain");
    }

    private static long count() throws Exception {
        search.request("POST", "/logs-*/_refresh", null);
        return JSON.readTree(search.request("GET", "/logs-*/_count", null)).path("count").asLong();
    }

    private static OpenSearchServer startSearch() {
        try {
            return OpenSearchServer.start();
        } catch (Exception e) {
            throw new IllegalStateException("embedded OpenSearch did not start", e);
        }
    }
}
