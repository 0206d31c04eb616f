package dev.freshet.delivery.destination.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.freshet.delivery.DeliveryException;
import dev.freshet.delivery.DestinationKind;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class SearchSettingsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DOMAIN = "arn:aws:es:us-east-1:123456789012:domain/logs";

    static ObjectNode config(String endpoint) {
        ObjectNode config = JSON.createObjectNode();
        config.put("RoleARN", "arn:aws:iam::123456789012:role/firehose");
        if (endpoint != null) {
            config.put("ClusterEndpoint", endpoint);
        }
        config.put("IndexName", "logs");
        config.putObject("S3Configuration").put("BucketARN", "arn:aws:s3:::backup");
        return config;
    }

    @Test
    void defaultsAreTheServiceDefaults() {
        SearchSettings settings = SearchSettings.parse(DestinationKind.AMAZON_OPENSEARCH_SERVICE, config("https://search.local:9200"), Map.of());
        assertThat(settings.endpoint()).isEqualTo(URI.create("https://search.local:9200/"));
        assertThat(settings.rotation()).isEqualTo(IndexRotation.ONE_DAY);
        assertThat(settings.retry()).isEqualTo(Duration.ofSeconds(300));
        assertThat(settings.firehoseDocumentIds()).isTrue();
        assertThat(settings.allDocumentsBackup()).isFalse();
        assertThat(settings.bufferSizeMb()).isEqualTo(5);
        assertThat(settings.authorization()).isNull();
    }

    @Test
    void userInformationInTheEndpointBecomesBasicAuthentication() {
        SearchSettings settings = SearchSettings.parse(DestinationKind.ELASTICSEARCH, config("http://fire:h%40se@127.0.0.1:9200"), Map.of());
        assertThat(settings.endpoint().toString()).isEqualTo("http://127.0.0.1:9200/");
        assertThat(settings.authorization())
            .isEqualTo("Basic " + Base64.getEncoder().encodeToString("fire:h@se".getBytes(StandardCharsets.UTF_8)));
        assertThat(settings.toString()).doesNotContain("h@se");
    }

    @Test
    void aDomainArnIsResolvedOnlyThroughTheServerSettings() {
        ObjectNode config = config(null).put("DomainARN", DOMAIN);
        assertThat(SearchSettings.parse(DestinationKind.ELASTICSEARCH, config, Map.of(DOMAIN, URI.create("http://127.0.0.1:9200")))
            .endpoint()).isEqualTo(URI.create("http://127.0.0.1:9200/"));
        assertThatThrownBy(() -> SearchSettings.parse(DestinationKind.ELASTICSEARCH, config, Map.of()))
            .isInstanceOf(DeliveryException.class).hasMessageContaining("cannot be resolved here");
        assertThatThrownBy(() -> SearchSettings.parse(DestinationKind.ELASTICSEARCH, config.put("ClusterEndpoint", "https://x"), Map.of()))
            .hasMessageContaining("either ClusterEndpoint or DomainARN");
    }

    @Test
    void typeNameIsSentToElasticsearchOnly() {
        ObjectNode config = config("https://search.local").put("TypeName", "_doc");
        assertThat(SearchSettings.parse(DestinationKind.ELASTICSEARCH, config, Map.of()).typeName()).isEqualTo("_doc");
        assertThat(SearchSettings.parse(DestinationKind.AMAZON_OPENSEARCH_SERVICE, config, Map.of()).typeName()).isNull();
    }

    @Test
    void outOfRangeValuesAreRefused() {
        ObjectNode config = config("https://search.local");
        config.putObject("BufferingHints").put("SizeInMBs", 101);
        assertThatThrownBy(() -> SearchSettings.parse(DestinationKind.ELASTICSEARCH, config, Map.of()))
            .hasMessageContaining("SizeInMBs must be between 1 and 100");
        ObjectNode retry = config("https://search.local");
        retry.putObject("RetryOptions").put("DurationInSeconds", 7201);
        assertThatThrownBy(() -> SearchSettings.parse(DestinationKind.ELASTICSEARCH, retry, Map.of()))
            .hasMessageContaining("DurationInSeconds");
    }

    @Property(tries = 300)
    void anyBulkResponseIsReadOrRefusedAsMalformed(@ForAll byte[] body) {
        try {
            assertThat(BulkResponse.parse(body, 1)).hasSize(1);
        } catch (BulkResponse.MalformedBulkResponseException expected) {
            assertThat(expected.getMessage()).isNotEmpty();
        }
    }

    @Test
    void bulkResponsesAreReadPerItem() throws Exception {
        byte[] body = """
            {"took":3,"errors":true,"items":[{"index":{"_index":"a","_id":"1","status":201}},
            {"index":{"_index":"a","_id":"2","status":400,"error":{"type":"mapper_parsing_exception","reason":"bad"}}}]}
            """.getBytes(StandardCharsets.UTF_8);
        List<BulkResponse.ItemOutcome> outcomes = BulkResponse.parse(body, 2);
        assertThat(outcomes.get(0).succeeded()).isTrue();
        assertThat(outcomes.get(1).status()).isEqualTo(400);
        assertThat(outcomes.get(1).error()).contains("mapper_parsing_exception");
    }
}
