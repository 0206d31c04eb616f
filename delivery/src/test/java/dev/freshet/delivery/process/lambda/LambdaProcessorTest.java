package dev.freshet.delivery.process.lambda;

import static dev.freshet.delivery.process.lambda.TransformFunction.data;
import static dev.freshet.delivery.process.lambda.TransformFunction.dropped;
import static dev.freshet.delivery.process.lambda.TransformFunction.eachRecord;
import static dev.freshet.delivery.process.lambda.TransformFunction.ok;
import static dev.freshet.delivery.process.lambda.TransformFunction.processingFailed;
import static dev.freshet.delivery.process.lambda.TransformFunction.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.freshet.delivery.DeliveryRecord;
import dev.freshet.delivery.DeliveryStreamRef;
import dev.freshet.delivery.SourceRecordMetadata;
import dev.freshet.delivery.destination.FailedRecord;
import dev.freshet.delivery.process.ProcessingResult;
import dev.freshet.delivery.process.ProcessorParameters;
import dev.freshet.delivery.process.ProcessorType;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LambdaProcessorTest {

    private static final DeliveryStreamRef STREAM = new DeliveryStreamRef("orders",
        "arn:aws:firehose:us-east-1:123456789012:deliverystream/orders", "us-east-1", 1);
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochMilli(1_700_000_999_000L), ZoneOffset.UTC);
    private static final String ARN = "arn:aws:lambda:us-east-1:123456789012:function:transform";

    private final List<TransformFunction> functions = new ArrayList<>();

    @AfterEach
    void stopFunctions() {
        functions.forEach(TransformFunction::close);
    }

    @Test
    void sendsTheLambdaEventAndAppliesOkDataAndPartitionKeys() throws Exception {
        TransformFunction fn = function(eachRecord(r -> ok(r, upper(data(r)), Map.of("customer", "c-" + text(r)))));

        ProcessingResult result = processor(fn.url().toString(), Map.of()).process(STREAM,
            List.of(record("r1", "a"), record("r2", "b")));

        assertThat(result.records()).extracting(r -> new String(r.data(), StandardCharsets.UTF_8))
            .containsExactly("A", "B");
        assertThat(result.records()).extracting(DeliveryRecord::recordId).containsExactly("r1", "r2");
        assertThat(result.records().get(1).partitionKeys()).isEqualTo(Map.of("customer", "c-b"));
        JsonNode event = fn.events().get(0);
        assertThat(event.get("invocationId").asText()).isNotBlank();
        assertThat(event.get("deliveryStreamArn").asText()).isEqualTo(STREAM.arn());
        assertThat(event.get("region").asText()).isEqualTo("us-east-1");
        JsonNode first = event.get("records").get(0);
        assertThat(first.get("recordId").asText()).isEqualTo("r1");
        assertThat(first.get("approximateArrivalTimestamp").asLong()).isEqualTo(1_700_000_000_000L);
        assertThat(first.get("data").asText()).isEqualTo(Base64.getEncoder().encodeToString("a".getBytes()));
        assertThat(event.has("sourceKinesisStreamArn")).isFalse();
        assertThat(first.has("kinesisRecordMetadata")).isFalse();
    }

    @Test
    void kinesisSourceRecordsNameTheirStreamShardAndSequenceAndKeepThemThroughTheAnswer() throws Exception {
        TransformFunction fn = function(eachRecord(r -> ok(r, upper(data(r)))));
        String streamArn = "arn:aws:kinesis:us-east-1:123456789012:stream/clicks";
        SourceRecordMetadata source = new SourceRecordMetadata(streamArn, "shardId-000000000003", "user \"7\"",
            1_699_999_999_000L, "49650000000000000000000000000000000000000000000000000042", 0);
        DeliveryRecord record = new DeliveryRecord("49650000000000000000000000000000000000000000000000000042",
            1_700_000_000_000L, "a".getBytes(StandardCharsets.UTF_8), Map.of(), source);

        ProcessingResult result = processor(fn.url().toString(), Map.of()).process(STREAM, List.of(record));

        JsonNode event = fn.events().get(0);
        assertThat(event.get("sourceKinesisStreamArn").asText()).isEqualTo(streamArn);
        JsonNode metadata = event.get("records").get(0).get("kinesisRecordMetadata");
        assertThat(metadata.get("shardId").asText()).isEqualTo("shardId-000000000003");
        assertThat(metadata.get("partitionKey").asText()).isEqualTo("user \"7\"");
        assertThat(metadata.get("approximateArrivalTimestamp").asLong()).isEqualTo(1_699_999_999_000L);
        assertThat(metadata.get("sequenceNumber").asText()).isEqualTo(source.sequenceNumber());
        assertThat(metadata.get("subsequenceNumber").isIntegralNumber()).isTrue();
        assertThat(metadata.get("subsequenceNumber").asLong()).isZero();
        assertThat(result.records()).singleElement().satisfies(out -> {
            assertThat(out.source()).isEqualTo(source);
            assertThat(new String(out.data(), StandardCharsets.UTF_8)).isEqualTo("A");
        });
    }

    @Test
    void theMetadataCountsTowardsTheInvocationSize() {
        SourceRecordMetadata source = new SourceRecordMetadata("arn:aws:kinesis:us-east-1:123456789012:stream/s",
            "shardId-000000000000", "k".repeat(256), 0, "4".repeat(56), 0);
        DeliveryRecord plain = new DeliveryRecord("id", 0, new byte[300]);
        DeliveryRecord withSource = new DeliveryRecord("id", 0, new byte[300], Map.of(), source);
        long extra = LambdaEvent.entrySize(withSource) - LambdaEvent.entrySize(plain);
        byte[] oneEvent = LambdaEvent.of("i", STREAM, List.of(withSource)).body();
        byte[] plainEvent = LambdaEvent.of("i", STREAM, List.of(plain)).body();
        assertThat(extra).isGreaterThanOrEqualTo(oneEvent.length - plainEvent.length);
    }

    @Test
    void droppedRecordsAreCountedAndProcessingFailedOnesGoToTheErrorOutput() throws Exception {
        TransformFunction fn = function(eachRecord(r -> switch (text(r)) {
            case "keep" -> ok(r, data(r));
            case "drop" -> dropped(r);
            default -> processingFailed(r);
        }));

        ProcessingResult result = processor(fn.url().toString(), Map.of()).process(STREAM,
            List.of(record("1", "keep"), record("2", "drop"), record("3", "bad")));

        assertThat(result.records()).extracting(DeliveryRecord::recordId).containsExactly("1");
        assertThat(result.dropped()).isEqualTo(1);
        JsonNode envelope = envelope(result.failed().get(0));
        assertThat(result.failed().get(0).errorOutputType()).isEqualTo("processing-failed");
        assertThat(envelope.get("errorCode").asText()).isEqualTo("Lambda.ProcessingFailedStatus");
        assertThat(envelope.get("attemptsMade").asInt()).isEqualTo(1);
        assertThat(envelope.get("arrivalTimestamp").asLong()).isEqualTo(1_700_000_000_000L);
        assertThat(envelope.get("attemptEndingTimestamp").asLong()).isEqualTo(CLOCK.millis());
        assertThat(envelope.get("rawData").asText()).isEqualTo(Base64.getEncoder().encodeToString("bad".getBytes()));
        assertThat(envelope.get("lambdaArn").asText()).isEqualTo(fn.url().toString());
    }

    @Test
    void aMissingRecordIdFailsTheWholeInvocationWithoutRetry() throws Exception {
        TransformFunction fn = function(event -> TransformFunction.Reply.json(answer(
            ok(event.get("records").get(0), "x".getBytes()))));

        ProcessingResult result = processor(fn.url().toString(), Map.of()).process(STREAM,
            List.of(record("1", "a"), record("2", "b")));

        assertAllFailed(result, 2, "Lambda.MissingRecordId", 1);
        assertThat(envelope(result.failed().get(0)).get("errorMessage").asText()).isEqualTo("One or more record IDs "
            + "were not returned. Ensure that the Lambda function returns all received record IDs.");
        assertThat(fn.invocations()).isEqualTo(1);
    }

    @Test
    void aReplacedRecordIdIsAMissingRecordId() throws Exception {
        TransformFunction fn = function(eachRecord(r -> result("other-" + r.get("recordId").asText(), "Ok",
            data(r))));

        assertAllFailed(processor(fn.url().toString(), Map.of()).process(STREAM, List.of(record("1", "a"))), 1,
            "Lambda.MissingRecordId", 1);
    }

    @Test
    void aDuplicatedRecordIdFailsTheWholeInvocation() throws Exception {
        TransformFunction fn = function(event -> {
            JsonNode first = event.get("records").get(0);
            return TransformFunction.Reply.json(answer(ok(first, data(first)), ok(first, data(first)),
                ok(event.get("records").get(1), "b".getBytes())));
        });

        assertAllFailed(processor(fn.url().toString(), Map.of()).process(STREAM,
            List.of(record("1", "a"), record("2", "b"))), 2, "Lambda.DuplicatedRecordId", 1);
    }

    @Test
    void garbageAnswersAreJsonProcessingExceptions() throws Exception {
        for (String garbage : List.of("not json", "{}", "{\"records\":{}}", "{\"records\":[{\"recordId\":\"1\"}]}",
                "{\"records\":[{\"recordId\":\"1\",\"result\":\"Ok\",\"data\":\"%%%\"}]}",
                "{\"records\":[{\"recordId\":\"1\",\"result\":\"Ok\"}]}", "{\"records\":[]} trailing")) {
            TransformFunction fn = function(event -> TransformFunction.Reply.raw(200, garbage));

            ProcessingResult result = processor(fn.url().toString(), Map.of()).process(STREAM,
                List.of(record("1", "a")));

            assertAllFailed(result, 1, "Lambda.JsonProcessingException", 1);
            assertThat(envelope(result.failed().get(0)).get("errorMessage").asText())
                .startsWith("There was an error parsing returned records from the Lambda function.");
        }
    }

    @Test
    void functionErrorsAreRetriedNumberOfRetriesTimesThenFail() throws Exception {
        TransformFunction fn = function(event -> TransformFunction.Reply.raw(502, "{\"errorMessage\":\"boom\"}"));

        ProcessingResult result = processor(fn.url().toString(), Map.of("NumberOfRetries", "2"))
            .process(STREAM, List.of(record("1", "a")));

        assertAllFailed(result, 1, "Lambda.FunctionError", 3);
        assertThat(fn.invocations()).isEqualTo(3);
        Set<String> invocationIds = new HashSet<>();
        fn.events().forEach(e -> invocationIds.add(e.get("invocationId").asText()));
        assertThat(invocationIds).hasSize(3);
        fn.events().forEach(e -> assertThat(e.get("records").get(0).get("recordId").asText()).isEqualTo("1"));
    }

    @Test
    void aRetryThatSucceedsDeliversEverything() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        TransformFunction fn = function(event -> calls.incrementAndGet() == 1
            ? TransformFunction.Reply.raw(429, "slow down")
            : eachRecord(r -> ok(r, data(r))).handle(event));

        ProcessingResult result = processor(fn.url().toString(), Map.of()).process(STREAM,
            List.of(record("1", "a"), record("2", "b")));

        assertThat(result.records()).hasSize(2);
        assertThat(result.failed()).isEmpty();
        assertThat(fn.invocations()).isEqualTo(2);
    }

    @Test
    void aFunctionThatDoesNotAnswerInTimeFailsAfterItsRetries() throws Exception {
        TransformFunction fn = function(event -> eachRecord(r -> ok(r, data(r))).handle(event)
            .after(Duration.ofSeconds(30)));
        LambdaSettings settings = new LambdaSettings(Map.of(), Duration.ofMillis(300), Duration.ofMillis(1));

        ProcessingResult result = LambdaProcessor.from(parameters(fn.url().toString(), Map.of("NumberOfRetries", "1")),
            settings, CLOCK).process(STREAM, List.of(record("1", "a")));

        assertAllFailed(result, 1, "Lambda.FunctionError", 2);
        assertThat(envelope(result.failed().get(0)).get("errorMessage").asText()).contains("did not answer");
    }

    @Test
    void aFunctionThatStallsInTheMiddleOfItsAnswerTimesOutToo() throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        HttpServer stalling = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        ExecutorService handlers = Executors.newCachedThreadPool();
        stalling.setExecutor(handlers);
        stalling.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 1_000);
            exchange.getResponseBody().write("{\"records\":[".getBytes(StandardCharsets.UTF_8));
            exchange.getResponseBody().flush();
            try {
                done.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        stalling.start();
        try {
            LambdaSettings settings = new LambdaSettings(Map.of(), Duration.ofMillis(300), Duration.ofMillis(1));
            LambdaProcessor processor = LambdaProcessor.from(parameters("http://127.0.0.1:"
                + stalling.getAddress().getPort() + "/", Map.of("NumberOfRetries", "1")), settings, CLOCK);

            ProcessingResult result = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> processor.process(STREAM, List.of(record("1", "a"))));

            assertAllFailed(result, 1, "Lambda.FunctionError", 2);
            assertThat(envelope(result.failed().get(0)).get("errorMessage").asText()).contains("did not answer");
        } finally {
            done.countDown();
            stalling.stop(0);
            handlers.shutdownNow();
        }
    }

    @Test
    void accessDeniedAndNotFoundStatusesHaveTheirCodes() throws Exception {
        TransformFunction fn = function(event -> TransformFunction.Reply.raw(403, "no"));
        assertAllFailed(processor(fn.url().toString(), Map.of("NumberOfRetries", "0")).process(STREAM,
            List.of(record("1", "a"))), 1, "Lambda.InvokeAccessDenied", 1);
        fn.respondWith(event -> TransformFunction.Reply.raw(404, "no"));
        assertAllFailed(processor(fn.url().toString(), Map.of("NumberOfRetries", "0")).process(STREAM,
            List.of(record("1", "a"))), 1, "Lambda.ResourceNotFound", 1);
    }

    @Test
    void anUnreachableFunctionFailsItsRecords() throws Exception {
        TransformFunction fn = function(eachRecord(r -> ok(r, data(r))));
        String url = fn.url().toString();
        fn.close();

        assertAllFailed(processor(url, Map.of("NumberOfRetries", "1")).process(STREAM, List.of(record("1", "a"))),
            1, "Lambda.ServiceException", 2);
    }

    @Test
    void anArnIsCalledThroughItsConfiguredUrlAndAnUnmappedArnFailsItsRecords() throws Exception {
        TransformFunction fn = function(eachRecord(r -> ok(r, upper(data(r)))));

        ProcessingResult mapped = processorWithUrls(ARN + ":live", Map.of(ARN, fn.url())).process(STREAM,
            List.of(record("1", "a")));
        ProcessingResult unmapped = processorWithUrls(ARN, Map.of()).process(STREAM, List.of(record("1", "a")));

        assertThat(mapped.records()).extracting(r -> new String(r.data(), StandardCharsets.UTF_8)).containsExactly("A");
        assertAllFailed(unmapped, 1, "Lambda.ResourceNotFound", 1);
        assertThat(envelope(unmapped.failed().get(0)).get("lambdaArn").asText()).isEqualTo(ARN);
    }

    @Test
    void theBufferIsSplitIntoInvocationsOfAtMostBufferSizeInMBs() throws Exception {
        TransformFunction fn = function(eachRecord(r -> ok(r, data(r))));
        List<DeliveryRecord> records = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            records.add(new DeliveryRecord("r" + i, 1L, new byte[100 * 1024]));
        }

        ProcessingResult result = processor(fn.url().toString(), Map.of("BufferSizeInMBs", "0.25")).process(STREAM,
            records);

        assertThat(result.records()).hasSize(10);
        assertThat(fn.invocations()).isEqualTo(5);
        fn.events().forEach(e -> assertThat(e.get("records").size()).isEqualTo(2));
    }

    @Test
    void bufferHintsTakeTheServicesDefaultsAndRangeEnds() {
        LambdaProcessor defaults = processor("http://127.0.0.1:1/", Map.of());
        assertThat(defaults.bufferSizeBytes()).isEqualTo(1024 * 1024);
        assertThat(defaults.bufferIntervalSeconds()).isEqualTo(60);
        LambdaProcessor low = processor("http://127.0.0.1:1/", Map.of("BufferSizeInMBs", "0.2", "BufferIntervalInSeconds", "0"));
        assertThat(low.bufferSizeBytes()).isEqualTo(209_715);
        assertThat(low.bufferIntervalSeconds()).isZero();
        LambdaProcessor high = processor("http://127.0.0.1:1/", Map.of("BufferSizeInMBs", "3", "BufferIntervalInSeconds", "900"));
        assertThat(high.bufferSizeBytes()).isEqualTo(3 * 1024 * 1024);
        assertThat(high.bufferIntervalSeconds()).isEqualTo(900);
    }

    @Test
    void invocationsStayWithinLambdasSixMegabytePayload() throws Exception {
        TransformFunction fn = function(eachRecord(r -> ok(r, data(r))));
        List<DeliveryRecord> records = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            records.add(new DeliveryRecord("r" + i, 1L, new byte[1000 * 1024]));
        }

        ProcessingResult result = processor(fn.url().toString(), Map.of("BufferSizeInMBs", "3")).process(STREAM, records);

        assertThat(result.records()).hasSize(7);
        // 3 MB of data per invocation: 3 records of 1000 KiB (4 MB of base64), never more than 6 MB of event
        assertThat(fn.events()).extracting(e -> e.get("records").size()).containsExactly(3, 3, 1);
        for (JsonNode event : fn.events()) {
            assertThat(TransformFunction.JSON.writeValueAsBytes(event).length).isLessThanOrEqualTo(6 * 1024 * 1024);
        }
    }

    @Test
    void recordsSharingAnIdAreStillMatched() throws Exception {
        TransformFunction fn = function(eachRecord(r -> ok(r, upper(data(r)))));

        ProcessingResult result = processor(fn.url().toString(), Map.of()).process(STREAM,
            List.of(record("same", "a"), record("same", "b")));

        assertThat(result.records()).extracting(r -> new String(r.data(), StandardCharsets.UTF_8))
            .containsExactly("A", "B");
    }

    @Test
    void settingsParseArnUrlPairs() {
        assertThat(LambdaSettings.parseFunctionUrls(ARN + "=http://127.0.0.1:9000/, " + ARN + "2=https://h/x"))
            .containsEntry(ARN, URI.create("http://127.0.0.1:9000/")).hasSize(2);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LambdaSettings.parseFunctionUrls("nonsense"))
            .isInstanceOf(IllegalArgumentException.class);
    }

    // ---- helpers ---------------------------------------------------------------------------

    private TransformFunction function(TransformFunction.Handler handler) {
        TransformFunction fn = TransformFunction.start(handler);
        functions.add(fn);
        return fn;
    }

    private static LambdaProcessor processor(String lambdaArn, Map<String, String> extra) {
        return LambdaProcessor.from(parameters(lambdaArn, extra), fastSettings(Map.of()), CLOCK);
    }

    private static LambdaProcessor processorWithUrls(String lambdaArn, Map<String, URI> urls) {
        return LambdaProcessor.from(parameters(lambdaArn, Map.of()), fastSettings(urls), CLOCK);
    }

    private static LambdaSettings fastSettings(Map<String, URI> urls) {
        return new LambdaSettings(urls, Duration.ofSeconds(20), Duration.ofMillis(1));
    }

    private static ProcessorParameters parameters(String lambdaArn, Map<String, String> extra) {
        Map<String, String> values = new HashMap<>(extra);
        values.put("LambdaArn", lambdaArn);
        return ProcessorParameters.of(ProcessorType.LAMBDA, values);
    }

    private static DeliveryRecord record(String id, String data) {
        return new DeliveryRecord(id, 1_700_000_000_000L, data.getBytes(StandardCharsets.UTF_8));
    }

    private static String text(JsonNode eventRecord) {
        return new String(data(eventRecord), StandardCharsets.UTF_8);
    }

    private static byte[] upper(byte[] data) {
        return new String(data, StandardCharsets.UTF_8).toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
    }

    private static ObjectNode answer(ObjectNode... records) {
        ObjectNode answer = TransformFunction.JSON.createObjectNode();
        for (ObjectNode record : records) {
            answer.withArray("records").add(record);
        }
        return answer;
    }

    static JsonNode envelope(FailedRecord failed) throws IOException {
        return TransformFunction.JSON.readTree(failed.envelope());
    }

    private static void assertAllFailed(ProcessingResult result, int count, String errorCode, int attempts)
            throws IOException {
        assertThat(result.records()).isEmpty();
        assertThat(result.failed()).hasSize(count);
        for (FailedRecord failed : result.failed()) {
            JsonNode envelope = envelope(failed);
            assertThat(envelope.get("errorCode").asText()).isEqualTo(errorCode);
            assertThat(envelope.get("attemptsMade").asInt()).isEqualTo(attempts);
        }
    }
}
