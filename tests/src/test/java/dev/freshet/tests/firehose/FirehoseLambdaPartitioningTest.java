package dev.freshet.tests.firehose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.freshet.delivery.process.lambda.TransformFunction;
import dev.freshet.tests.harness.FreshetServer;
import dev.freshet.tests.harness.Wire;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.firehose.model.InvalidArgumentException;
import software.amazon.awssdk.services.firehose.model.ProcessingConfiguration;
import software.amazon.awssdk.services.firehose.model.Processor;
import software.amazon.awssdk.services.firehose.model.ProcessorParameter;
import software.amazon.awssdk.services.firehose.model.ProcessorParameterName;
import software.amazon.awssdk.services.firehose.model.ProcessorType;
import software.amazon.awssdk.services.firehose.model.Record;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordResponse;

/**
 * The Lambda processor and dynamic partitioning, end to end: a {@link TransformFunction} on loopback is
 * the function (named by its URL as LambdaArn, and by a function ARN mapped with {@code delivery-lambda-urls});
 * its Ok records reach the bucket transformed and in order, Dropped ones nowhere, ProcessingFailed ones as
 * {@code processing-failed} envelopes; JQ partition keys place objects under the evaluated prefixes; a
 * KinesisStreamAsSource stream's events carry {@code sourceKinesisStreamArn} and each record's
 * {@code kinesisRecordMetadata}; Lambda buffer hints outside the service's ranges are refused.
 */
class FirehoseLambdaPartitioningTest {

    private static final String FUNCTION_ARN = "arn:aws:lambda:us-east-1:000000000000:function:tag-records";
    private static final Duration DELIVERED = Duration.ofSeconds(60);

    /**
     * Adds {"processed":true} to Ok records and the Lambda partition key source=fn; a record whose action
     * is drop or fail is answered Dropped or ProcessingFailed.
     */
    static final TransformFunction function = TransformFunction.start(TransformFunction.eachRecord(record -> {
        ObjectNode json = json(TransformFunction.data(record));
        return switch (json.path("action").asText()) {
            case "drop" -> TransformFunction.dropped(record);
            case "fail" -> TransformFunction.processingFailed(record);
            default -> TransformFunction.ok(record, (json.put("processed", true) + "\n")
                .getBytes(StandardCharsets.UTF_8), Map.of("source", "fn"));
        };
    }));

    @RegisterExtension
    static final FreshetServer server = new FreshetServer("--delivery-lambda-urls", FUNCTION_ARN + "=" + function.url());
    static FirehoseClient firehose;
    static Path dataDir;

    @BeforeAll
    static void client() {
        dataDir = server.process().dataDir(); // needs the server's delivery-lambda-urls: skipped against an external one
        firehose = Firehoses.client(server.endpoint());
    }

    @AfterAll
    static void close() {
        firehose.close();
        function.close();
    }

    @Test
    void okRecordsAreDeliveredTransformedDroppedOnesVanishAndFailedOnesAreEnveloped() {
        firehose.createDeliveryStream(r -> r.deliveryStreamName("lambda-url").extendedS3DestinationConfiguration(
            Firehoses.extendedS3("lambda-bucket").prefix("out/").bufferingHints(Firehoses.hints(1, 0))
                .processingConfiguration(processing(lambda(function.url().toString()))).build()));
        List<String> sent = new ArrayList<>();
        for (int n = 0; n < 30; n++) {
            String action = n % 5 == 4 ? "drop" : n % 7 == 6 ? "fail" : "keep";
            sent.add("{\"customer\":\"c\",\"n\":" + n + ",\"action\":\"" + action + "\"}");
        }
        put("lambda-url", sent);

        List<String> failed = sent.stream().filter(r -> r.contains("\"fail\"")).toList();
        List<String> kept = sent.stream().filter(r -> r.contains("\"keep\"")).map(r -> r.replace("}", ",\"processed\":true}"))
            .toList();
        await("the kept records delivered and the failed ones in the error output").atMost(DELIVERED).until(() ->
            deliveredLines(dataDir, "lambda-bucket", "out/2").size() >= kept.size()
                && DeliveredObjects.envelopes(dataDir, "lambda-bucket", "out/processing-failed/").size() >= failed.size());

        assertThat(deliveredLines(dataDir, "lambda-bucket", "out/2")).containsExactlyInAnyOrderElementsOf(kept);
        assertEachObjectInOrder(dataDir, "lambda-bucket", "out/2");
        List<JsonNode> envelopes = DeliveredObjects.envelopes(dataDir, "lambda-bucket", "out/processing-failed/");
        assertThat(envelopes.stream().map(e -> decode(e.path("rawData").asText())).toList())
            .as("the source records, as sent").containsExactlyInAnyOrderElementsOf(failed);
        assertThat(envelopes).allSatisfy(e -> {
            assertThat(e.path("errorCode").asText()).isEqualTo("Lambda.ProcessingFailedStatus");
            assertThat(e.path("lambdaArn").asText()).isEqualTo(function.url().toString());
        });
    }

    @Test
    void jqPartitionKeysAndLambdaKeysPlaceObjectsUnderTheEvaluatedPrefixes() {
        firehose.createDeliveryStream(r -> r.deliveryStreamName("partitioned").extendedS3DestinationConfiguration(
            Firehoses.extendedS3("partition-bucket")
                .prefix("by/!{partitionKeyFromQuery:customer}/!{partitionKeyFromLambda:source}/")
                .errorOutputPrefix("errors/!{firehose:error-output-type}/")
                // the service refuses zero buffering with dynamic partitioning: the 1 MB size hint flushes instead
                .bufferingHints(Firehoses.hints(1, 60))
                .dynamicPartitioningConfiguration(d -> d.enabled(true))
                .processingConfiguration(processing(lambda(FUNCTION_ARN), Processor.builder()
                    .type(ProcessorType.METADATA_EXTRACTION).parameters(
                        parameter(ProcessorParameterName.METADATA_EXTRACTION_QUERY, "{customer:.customer}"),
                        parameter(ProcessorParameterName.JSON_PARSING_ENGINE, "JQ-1.6")).build())).build()));
        List<String> sent = new ArrayList<>();
        for (int n = 0; n < 30; n++) {
            sent.add("{\"customer\":\"c" + (n % 3) + "\",\"n\":" + n + ",\"action\":\"keep\"}");
        }
        put("partitioned", sent);
        // past the size hint, so the buffer above is flushed now rather than after the 60 s interval
        String blob = "x".repeat(100_000);
        put("partitioned", Collections.nCopies(11, "{\"customer\":\"padding\",\"blob\":\"" + blob + "\",\"action\":\"keep\"}"));

        await("every customer's records under its prefix").atMost(DELIVERED).until(() ->
            List.of("c0", "c1", "c2").stream().allMatch(c ->
                deliveredLines(dataDir, "partition-bucket", "by/" + c + "/fn/").size() >= 10));
        for (String customer : List.of("c0", "c1", "c2")) {
            List<String> expected = sent.stream().filter(r -> r.contains("\"" + customer + "\""))
                .map(r -> r.replace("}", ",\"processed\":true}")).toList();
            assertThat(deliveredLines(dataDir, "partition-bucket", "by/" + customer + "/fn/"))
                .as("customer %s, in the order sent", customer).containsExactlyElementsOf(expected);
        }
        assertThat(DeliveredObjects.keys(dataDir, "partition-bucket", "by/")).allSatisfy(key ->
            assertThat(key).matches("by/(c[0-2]|padding)/fn/partitioned-1-\\d{4}(-\\d{2}){5}-[0-9a-f-]{36}"));
        assertThat(DeliveredObjects.keys(dataDir, "partition-bucket", "errors/")).isEmpty();
    }

    @Test
    void aKinesisSourcedStreamsEventNamesTheSourceStreamAndEachRecordsShardKeyAndSequence() {
        KinesisClient kinesis = server.client(Wire.JSON);
        String sourceArn = Firehoses.dataStream(kinesis, "lambda-source", 2);
        firehose.createDeliveryStream(Firehoses.fromKinesis("lambda-kinesis", sourceArn)
            .extendedS3DestinationConfiguration(Firehoses.extendedS3("kinesis-lambda-bucket").bufferingHints(Firehoses.hints(1, 0))
                .processingConfiguration(processing(lambda(function.url().toString()))).build()).build());
        Map<String, PutRecordResponse> puts = new HashMap<>();
        for (int n = 0; n < 8; n++) {
            String record = "{\"n\":" + n + ",\"action\":\"keep\"}";
            puts.put(record, kinesis.putRecord(r -> r.streamName("lambda-source").partitionKey("key-" + record.length()
                + "-" + record.hashCode()).data(SdkBytes.fromUtf8String(record))));
        }

        await("the records transformed and delivered").atMost(DELIVERED).until(() ->
            deliveredLines(dataDir, "kinesis-lambda-bucket", "2").size() >= puts.size());
        List<JsonNode> events = function.events().stream()
            .filter(e -> e.path("deliveryStreamArn").asText().endsWith("/lambda-kinesis")).toList();
        assertThat(events).isNotEmpty().allSatisfy(e ->
            assertThat(e.path("sourceKinesisStreamArn").asText()).isEqualTo(sourceArn));
        List<JsonNode> sent = events.stream().flatMap(e -> toList(e.get("records")).stream()).toList();
        assertThat(sent).hasSize(puts.size()).allSatisfy(record -> {
            PutRecordResponse put = puts.get(decode(record.path("data").asText()));
            JsonNode metadata = record.get("kinesisRecordMetadata");
            assertThat(metadata.path("shardId").asText()).isEqualTo(put.shardId());
            assertThat(metadata.path("sequenceNumber").asText()).isEqualTo(put.sequenceNumber());
            assertThat(metadata.path("partitionKey").asText()).startsWith("key-");
            assertThat(metadata.path("subsequenceNumber").isIntegralNumber()).isTrue();
            assertThat(metadata.path("subsequenceNumber").asLong()).isZero();
            assertThat(metadata.path("approximateArrivalTimestamp").asLong())
                .isEqualTo(record.path("approximateArrivalTimestamp").asLong()).isPositive();
        });
        assertThat(deliveredLines(dataDir, "kinesis-lambda-bucket", "2")).hasSize(puts.size());
    }

    @Test
    void lambdaBufferHintsOutsideTheServicesRangesAreInvalidArguments() {
        for (Map.Entry<ProcessorParameterName, String> bad : List.of(
                Map.entry(ProcessorParameterName.BUFFER_SIZE_IN_M_BS, "0.1"),
                Map.entry(ProcessorParameterName.BUFFER_SIZE_IN_M_BS, "3.5"),
                Map.entry(ProcessorParameterName.BUFFER_INTERVAL_IN_SECONDS, "901"))) {
            Processor processor = Processor.builder().type(ProcessorType.LAMBDA).parameters(
                parameter(ProcessorParameterName.LAMBDA_ARN, FUNCTION_ARN), parameter(bad.getKey(), bad.getValue())).build();
            assertThatThrownBy(() -> firehose.createDeliveryStream(r -> r.deliveryStreamName("bad-hints")
                .extendedS3DestinationConfiguration(Firehoses.extendedS3("unused").processingConfiguration(processing(processor))
                    .build())))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining(bad.getKey().toString());
        }
    }

    private static List<JsonNode> toList(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    private static ProcessingConfiguration processing(Processor... processors) {
        return ProcessingConfiguration.builder().enabled(true).processors(processors).build();
    }

    private static Processor lambda(String lambdaArn) {
        return Processor.builder().type(ProcessorType.LAMBDA)
            .parameters(parameter(ProcessorParameterName.LAMBDA_ARN, lambdaArn)).build();
    }

    private static ProcessorParameter parameter(ProcessorParameterName name, String value) {
        return ProcessorParameter.builder().parameterName(name).parameterValue(value).build();
    }

    private static void put(String stream, List<String> records) {
        List<Record> batch = records.stream().map(r -> Record.builder().data(SdkBytes.fromUtf8String(r)).build()).toList();
        assertThat(firehose.putRecordBatch(r -> r.deliveryStreamName(stream).records(batch)).failedPutCount()).isZero();
    }

    /** The newline-separated records of every object under the prefix, objects in key order. */
    private static List<String> deliveredLines(Path dataDir, String bucket, String prefix) {
        List<String> lines = new ArrayList<>();
        for (String key : DeliveredObjects.keys(dataDir, bucket, prefix)) {
            lines.addAll(lines(dataDir, bucket, key));
        }
        return lines;
    }

    /** Within each object, the records keep the order they were put in (their n increases). */
    private static void assertEachObjectInOrder(Path dataDir, String bucket, String prefix) {
        for (String key : DeliveredObjects.keys(dataDir, bucket, prefix)) {
            List<Integer> ns = lines(dataDir, bucket, key).stream().map(l -> json(l.getBytes(StandardCharsets.UTF_8))
                .path("n").asInt()).toList();
            assertThat(ns).as("records of %s", key).isSorted();
        }
    }

    private static List<String> lines(Path dataDir, String bucket, String key) {
        return Arrays.stream(new String(DeliveredObjects.content(dataDir, bucket, key), StandardCharsets.UTF_8).split("\n"))
            .filter(l -> !l.isEmpty()).toList();
    }

    private static ObjectNode json(byte[] bytes) {
        try {
            return (ObjectNode) TransformFunction.JSON.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String decode(String base64) {
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    }
}
