package dev.freshet.delivery.destination.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.freshet.delivery.DeliveryBatch;
import dev.freshet.delivery.DeliveryRecord;
import dev.freshet.delivery.DeliveryStreamRef;
import dev.freshet.delivery.DeliveryStreamSpec;
import dev.freshet.delivery.DeliverySource;
import dev.freshet.delivery.DestinationKind;
import dev.freshet.delivery.destination.DeliveryResult;
import dev.freshet.delivery.destination.FailedRecord;
import dev.freshet.delivery.fixtures.OpenSearchServer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code _bulk} delivery against a real OpenSearch 2.19 embedded in the JVM (one node for the class). */
class SearchDestinationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long ARRIVAL = 1_456_405_200_000L; // 2016-02-25T13:00:00Z
    private static OpenSearchServer opensearch;

    private final Map<String, Long> metrics = new ConcurrentHashMap<>();

    @BeforeAll
    static void startOpenSearch() throws Exception {
        opensearch = OpenSearchServer.start();
    }

    @AfterAll
    static void stopOpenSearch() throws Exception {
        if (opensearch != null) {
            opensearch.close();
        }
    }

    @Test
    void documentsAreIndexedUnderTheRotatedNameAndReadBack() throws Exception {
        SearchDestination destination = destination("events", "OneHour", "FIREHOSE_DEFAULT", 60, opensearch.endpoint().toString());

        DeliveryResult result = destination.deliver(batch("a", "{\"n\":1,\"text\":\"one\"}",
            "{\n  \"n\": 2,\n  \"text\": \"pretty\"\n}\n", "{\"n\":3}\n"));

        assertThat(result.allDelivered()).isTrue();
        opensearch.request("POST", "/events-2016-02-25-13/_refresh", null);
        assertThat(count("events-2016-02-25-13")).isEqualTo(3);
        JsonNode hit = JSON.readTree(opensearch.request("GET", "/events-2016-02-25-13/_doc/a-1", null));
        assertThat(hit.at("/_source/text").asText()).isEqualTo("pretty");
        JsonNode search = JSON.readTree(opensearch.request("POST", "/events-*/_search", "{\"query\":{\"match\":{\"text\":\"one\"}}}"));
        assertThat(search.at("/hits/hits/0/_id").asText()).isEqualTo("a-0");
        assertThat(metrics).containsEntry("DeliveryToAmazonOpenSearchService.Records", 3L)
            .containsEntry("DeliveryToAmazonOpenSearchService.Success", 1L);
    }

    @Test
    void firehoseDefaultIdsMakeRedeliveryOverwriteWhileNoDocumentIdDuplicates() throws Exception {
        SearchDestination stable = destination("stable", "NoRotation", "FIREHOSE_DEFAULT", 60, opensearch.endpoint().toString());
        SearchDestination unnamed = destination("unnamed", "NoRotation", "NO_DOCUMENT_ID", 60, opensearch.endpoint().toString());
        DeliveryBatch batch = batch("b", "{\"n\":1}", "{\"n\":2}");

        for (int i = 0; i < 2; i++) {
            assertThat(stable.deliver(batch).allDelivered()).isTrue();
            assertThat(unnamed.deliver(batch).allDelivered()).isTrue();
        }

        opensearch.request("POST", "/stable,unnamed/_refresh", null);
        assertThat(count("stable")).isEqualTo(2);
        assertThat(count("unnamed")).isEqualTo(4);
    }

    @Test
    void itemsTheClusterRejectsAreRetriedThenFailedWithTheServiceEnvelope() throws Exception {
        opensearch.request("PUT", "/typed", "{\"mappings\":{\"properties\":{\"count\":{\"type\":\"integer\"}}}}");
        SearchDestination destination = destination("typed", "NoRotation", "FIREHOSE_DEFAULT", 1, opensearch.endpoint().toString());

        DeliveryResult result = destination.deliver(batch("c", "{\"count\":1}", "{\"count\":\"many\"}", "plain text", ""));

        opensearch.request("POST", "/typed/_refresh", null);
        assertThat(count("typed")).isEqualTo(1);
        assertThat(result.failed()).extracting(FailedRecord::errorOutputType).containsOnly("AmazonOpenSearchService-failed");
        assertThat(result.failed()).extracting(f -> f.record().recordId()).containsExactlyInAnyOrder("c-1", "c-2", "c-3");
        JsonNode conflict = envelope(result, "c-1");
        assertThat(conflict.get("errorCode").asText()).isEqualTo("400");
        assertThat(conflict.get("errorMessage").asText()).contains("mapper_parsing_exception");
        assertThat(conflict.get("attemptsMade").asInt()).isGreaterThan(1);
        assertThat(conflict.get("arrivalTimestamp").asLong()).isEqualTo(ARRIVAL + 1);
        assertThat(conflict.get("attemptEndingTimestamp").asLong()).isGreaterThan(ARRIVAL);
        assertThat(conflict.get("esDocumentId").asText()).isEqualTo("c-1");
        assertThat(conflict.get("esIndexName").asText()).isEqualTo("typed");
        assertThat(conflict.get("esTypeName").asText()).isEmpty();
        assertThat(Base64.getDecoder().decode(conflict.get("rawData").asText())).asString().isEqualTo("{\"count\":\"many\"}");
        assertThat(envelope(result, "c-2").get("errorMessage").asText()).contains("exception");
        assertThat(envelope(result, "c-3").get("attemptsMade").asInt()).isZero();
        assertThat(metrics).containsEntry("DeliveryToAmazonOpenSearchService.Records", 1L);
    }

    @Test
    void aClusterThatIsDownIsRetriedThenEveryRecordFails() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        SearchDestination destination = destination(DestinationKind.ELASTICSEARCH, "down", "OneDay", "FIREHOSE_DEFAULT", 1,
            "http://127.0.0.1:" + closedPort);

        DeliveryResult result = destination.deliver(batch("d", "{\"n\":1}", "{\"n\":2}"));

        assertThat(result.failed()).hasSize(2).extracting(FailedRecord::errorOutputType).containsOnly("elasticsearch-failed");
        JsonNode envelope = envelope(result, "d-0");
        assertThat(envelope.get("errorCode").asText()).isEqualTo("ES.ConnectionFailed");
        assertThat(envelope.get("esIndexName").asText()).isEqualTo("down-2016-02-25");
        assertThat(envelope.get("attemptsMade").asInt()).isGreaterThan(1);
        assertThat(metrics).containsEntry("DeliveryToElasticsearch.Success", 0L);
    }

    @Test
    void aClusterRefusingAuthenticationGetsBasicCredentialsAndIsReportedWithItsStatus() throws Exception {
        List<String> authorizations = new CopyOnWriteArrayList<>();
        HttpServer refusing = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        refusing.createContext("/", exchange -> {
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = "{\"error\":\"unauthorized\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(401, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        refusing.start();
        try {
            SearchDestination destination = destination("secured", "NoRotation", "FIREHOSE_DEFAULT", 0,
                "http://firehose:secret@127.0.0.1:" + refusing.getAddress().getPort());

            JsonNode envelope = envelope(destination.deliver(batch("e", "{\"n\":1}")), "e-0");

            assertThat(envelope.get("errorCode").asText()).isEqualTo("401");
            assertThat(envelope.get("errorMessage").asText()).contains("unauthorized");
            assertThat(authorizations).containsExactly("Basic " + Base64.getEncoder().encodeToString("firehose:secret".getBytes()));
        } finally {
            refusing.stop(0);
        }
    }

    private SearchDestination destination(String index, String rotation, String idFormat, int retrySeconds, String endpoint) {
        return destination(DestinationKind.AMAZON_OPENSEARCH_SERVICE, index, rotation, idFormat, retrySeconds, endpoint);
    }

    private SearchDestination destination(DestinationKind kind, String index, String rotation, String idFormat, int retrySeconds,
            String endpoint) {
        ObjectNode config = SearchSettingsTest.config(endpoint);
        config.put("IndexName", index);
        config.put("IndexRotationPeriod", rotation);
        config.putObject("DocumentIdOptions").put("DefaultDocumentIdFormat", idFormat);
        config.putObject("RetryOptions").put("DurationInSeconds", retrySeconds);
        DeliveryStreamRef stream = new DeliveryStreamRef("logs", "arn:aws:firehose:us-east-1:000000000000:deliverystream/logs",
            "us-east-1", 1);
        DeliveryStreamSpec spec = new DeliveryStreamSpec(stream, new DeliverySource.DirectPut(), kind, config);
        return SearchDestination.from(spec, Map.of(), (name, amount) -> metrics.merge(name, amount, Long::sum));
    }

    private static DeliveryBatch batch(String idPrefix, String... records) {
        List<DeliveryRecord> list = new ArrayList<>();
        for (int i = 0; i < records.length; i++) {
            list.add(new DeliveryRecord(idPrefix + "-" + i, ARRIVAL + i, records[i].getBytes(StandardCharsets.UTF_8)));
        }
        DeliveryStreamRef stream = new DeliveryStreamRef("logs", "arn:aws:firehose:us-east-1:000000000000:deliverystream/logs",
            "us-east-1", 1);
        return new DeliveryBatch(stream, list);
    }

    private static long count(String index) throws Exception {
        return JSON.readTree(opensearch.request("GET", "/" + index + "/_count", null)).get("count").asLong();
    }

    private static JsonNode envelope(DeliveryResult result, String recordId) throws Exception {
        for (FailedRecord failed : result.failed()) {
            if (failed.record().recordId().equals(recordId)) {
                return JSON.readTree(failed.envelope());
            }
        }
        throw new AssertionError("no failed record " + recordId + " in " + result.failed());
    }
}
