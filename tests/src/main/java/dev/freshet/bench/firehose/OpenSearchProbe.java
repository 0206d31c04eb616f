package dev.freshet.bench.firehose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awssdk.services.firehose.model.AmazonopensearchserviceIndexRotationPeriod;
import software.amazon.awssdk.services.firehose.model.CreateDeliveryStreamRequest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/**
 * An OpenSearch cluster given by ClusterEndpoint: the stream indexes each JSON record
 * ({@code --format json}) as a document of the index {@value #INDEX} (one shard, no replica; the
 * stamps are longs with doc values, the padding is kept in {@code _source} only). Every 50 ms the
 * generator searches the documents from the lowest serial not seen yet on, in serial order.
 * Visible = found by a search, so freshness includes OpenSearch's index refresh (its default, every
 * second).
 *
 * <p>A document is new when its {@code _id} is: Freshet gives each record one id, so a record
 * indexed twice under two ids counts as a duplicate.
 *
 * <p>{@link #watch} on one thread; {@link #close} from any.
 */
final class OpenSearchProbe extends PollingProbe {

    private static final String INDEX = "bench";
    private static final int PAGE = 10_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI endpoint;
    private final String backupBucket;
    private final int recordBytes;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final Set<String> ids = new HashSet<>();

    OpenSearchProbe(DeliveryLoadGenerator.Options options) throws IOException, InterruptedException {
        super(Duration.ofMillis(50));
        if (options.searchEndpoint() == null || !"json".equals(options.format())) {
            throw new IllegalArgumentException("--destination opensearch needs --search-endpoint and --format json");
        }
        this.endpoint = URI.create(options.searchEndpoint());
        this.backupBucket = "bench-" + options.label() + "-failed";
        this.recordBytes = options.recordBytes();
        request("DELETE", "/" + INDEX + "?ignore_unavailable=true", null);
        request("PUT", "/" + INDEX, """
            {"settings": {"number_of_shards": 1, "number_of_replicas": 0},
             "mappings": {"properties": {"sent": {"type": "long"}, "serial": {"type": "long"},
                                         "pad": {"type": "keyword", "index": false, "doc_values": false}}}}""");
    }

    @Override
    public void configure(CreateDeliveryStreamRequest.Builder request, DeliveryLoadGenerator.Options options) {
        request.amazonopensearchserviceDestinationConfiguration(c -> c.roleARN(DestinationProbes.ROLE)
            .clusterEndpoint(endpoint.toString()).indexName(INDEX)
            .indexRotationPeriod(AmazonopensearchserviceIndexRotationPeriod.NO_ROTATION)
            .bufferingHints(h -> h.sizeInMBs(options.sizeMb()).intervalInSeconds(options.interval()))
            .retryOptions(r -> r.durationInSeconds(60))
            .s3Configuration(s3 -> s3.roleARN(DestinationProbes.ROLE)
                .bucketARN(DestinationProbes.bucketArn(backupBucket))));
    }

    @Override
    void poll(DeliveredRecords delivered) throws IOException, InterruptedException {
        long after = delivered.firstUnseen() - 1;
        int hits;
        do {
            JsonNode found = JSON.readTree(request("POST", "/" + INDEX
                + "/_search?filter_path=hits.hits._id,hits.hits.fields", """
                {"size": %d, "_source": false, "docvalue_fields": ["sent", "serial"],
                 "query": {"range": {"serial": {"gt": %d}}}, "sort": [{"serial": "asc"}]}"""
                .formatted(PAGE, after))).path("hits").path("hits");
            long visible = Clock.nowMicros();
            hits = found.size();
            for (JsonNode hit : found) {
                long serial = hit.path("fields").path("serial").path(0).asLong();
                after = Math.max(after, serial);
                if (ids.add(hit.path("_id").asText())) {
                    delivered.record(serial, hit.path("fields").path("sent").path(0).asLong(), recordBytes, visible);
                }
            }
        } while (hits == PAGE);
    }

    @Override
    public String visibility() {
        return "document found by _search (polled every 50 ms; includes the 1 s index refresh)";
    }

    private String request(String method, String path, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint.resolve(path)).timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}
