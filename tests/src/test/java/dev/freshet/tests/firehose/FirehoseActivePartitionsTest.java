package dev.freshet.tests.firehose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.freshet.tests.harness.FreshetServer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.firehose.model.ProcessingConfiguration;
import software.amazon.awssdk.services.firehose.model.Processor;
import software.amazon.awssdk.services.firehose.model.ProcessorParameter;
import software.amazon.awssdk.services.firehose.model.ProcessorParameterName;
import software.amazon.awssdk.services.firehose.model.ProcessorType;
import software.amazon.awssdk.services.firehose.model.Record;

/**
 * Dynamic partitioning's quota of active partitions ({@code delivery-active-partitions-limit}, 3 here
 * instead of the service's 500): a buffer whose records fall into more partitions delivers the first
 * three and sends the records of the others to the error output as {@code activePartitionExceeded};
 * {@code /metrics} shows PartitionCount, PartitionCountExceeded and ActivePartitionsLimit. Delivered
 * partitions stop being active, so the refused keys go through in a later buffer.
 */
class FirehoseActivePartitionsTest {

    private static final Duration DELIVERED = Duration.ofSeconds(60);

    @RegisterExtension
    static final FreshetServer server = new FreshetServer("--delivery-active-partitions-limit", "3");
    @RegisterExtension
    static final FirehoseSdk sdk = new FirehoseSdk(server);
    static Path dataDir;

    @BeforeAll
    static void dataDir() {
        dataDir = server.process().dataDir(); // needs the limit set above: skipped against an external server
    }

    @Test
    void recordsOfPartitionsPastTheLimitGoToTheErrorOutputAndLaterBuffersOpenThem() throws Exception {
        sdk.client().createDeliveryStream(r -> r.deliveryStreamName("many-keys").extendedS3DestinationConfiguration(
            Firehoses.extendedS3("partitions").prefix("by/!{partitionKeyFromQuery:customer}/")
                .errorOutputPrefix("errors/!{firehose:error-output-type}/")
                .bufferingHints(Firehoses.hints(1, 1))
                .dynamicPartitioningConfiguration(d -> d.enabled(true))
                .processingConfiguration(ProcessingConfiguration.builder().enabled(true).processors(Processor.builder()
                    .type(ProcessorType.METADATA_EXTRACTION).parameters(
                        parameter(ProcessorParameterName.METADATA_EXTRACTION_QUERY, "{customer:.customer}"),
                        parameter(ProcessorParameterName.JSON_PARSING_ENGINE, "JQ-1.6")).build()).build()).build()));
        List<String> sent = new ArrayList<>();
        for (int n = 0; n < 10; n++) {
            sent.add("{\"customer\":\"c" + (n % 5) + "\",\"n\":" + n + "}\n");
        }
        put(sent); // one call: one buffer holding five partitions, c0 to c4 in order of first appearance

        await("three partitions delivered, two refused").atMost(DELIVERED).until(() ->
            DeliveredObjects.envelopes(dataDir, "partitions", "errors/").size() == 4
                && List.of("c0", "c1", "c2").stream().allMatch(c -> delivered("by/" + c + "/").size() == 2));
        for (String customer : List.of("c0", "c1", "c2")) {
            assertThat(delivered("by/" + customer + "/")).as(customer)
                .containsExactlyElementsOf(sent.stream().filter(r -> r.contains("\"" + customer + "\"")).toList());
        }
        assertThat(DeliveredObjects.keys(dataDir, "partitions", "by/c3/")).isEmpty();
        assertThat(DeliveredObjects.keys(dataDir, "partitions", "errors/"))
            .allSatisfy(key -> assertThat(key).startsWith("errors/activePartitionExceeded/many-keys-1-"));
        List<JsonNode> envelopes = DeliveredObjects.envelopes(dataDir, "partitions", "errors/");
        assertThat(envelopes).extracting(e -> new String(Base64.getDecoder().decode(e.path("rawData").asText()),
            StandardCharsets.UTF_8)).containsExactlyInAnyOrder(sent.get(3), sent.get(4), sent.get(8), sent.get(9));
        assertThat(envelopes).allSatisfy(e -> {
            assertThat(e.path("errorCode").asText()).isEqualTo("DynamicPartitioning.ActivePartitionsLimitExceeded");
            assertThat(e.path("errorMessage").asText())
                .isEqualTo("The number of active partitions has exceeded the configured limit");
            assertThat(e.path("attemptsMade").asInt()).isEqualTo(1);
        });
        String stream = "{delivery_stream=\"many-keys\"}";
        assertThat(metrics())
            .contains("freshet_firehose_partition_count" + stream + " 3.0")
            .contains("freshet_firehose_partition_count_exceeded" + stream + " 1.0")
            .contains("freshet_firehose_active_partitions_limit" + stream + " 3.0")
            .contains("freshet_firehose_error_output_records_total" + stream + " 4.0");

        List<String> later = List.of("{\"customer\":\"c3\",\"n\":10}\n", "{\"customer\":\"c4\",\"n\":11}\n");
        put(later);
        await("the refused keys open partitions in a later buffer").atMost(DELIVERED).until(() ->
            delivered("by/c3/").size() == 1 && delivered("by/c4/").size() == 1);
        assertThat(delivered("by/c3/")).containsExactly(later.get(0));
        await().atMost(DELIVERED).untilAsserted(() -> assertThat(metrics())
            .contains("freshet_firehose_partition_count" + stream + " 2.0")
            .contains("freshet_firehose_partition_count_exceeded" + stream + " 0.0"));
        assertThat(DeliveredObjects.envelopes(dataDir, "partitions", "errors/")).hasSize(4);
    }

    private static void put(List<String> records) {
        List<Record> batch = records.stream().map(r -> Record.builder().data(SdkBytes.fromUtf8String(r)).build()).toList();
        assertThat(sdk.client().putRecordBatch(r -> r.deliveryStreamName("many-keys").records(batch)).failedPutCount())
            .isZero();
    }

    /** The records of every object under the prefix, one per line, objects in key order. */
    private static List<String> delivered(String prefix) {
        List<String> records = new ArrayList<>();
        for (String key : DeliveredObjects.keys(dataDir, "partitions", prefix)) {
            for (String line : new String(DeliveredObjects.content(dataDir, "partitions", key), StandardCharsets.UTF_8)
                    .split("(?<=\n)")) {
                records.add(line);
            }
        }
        return records;
    }

    private static String metrics() throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.endpoint().resolve("/metrics")).build(),
            HttpResponse.BodyHandlers.ofString()).body();
    }

    private static ProcessorParameter parameter(ProcessorParameterName name, String value) {
        return ProcessorParameter.builder().parameterName(name).parameterValue(value).build();
    }
}
