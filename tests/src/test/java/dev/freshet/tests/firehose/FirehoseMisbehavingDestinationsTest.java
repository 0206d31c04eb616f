package dev.freshet.tests.firehose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.freshet.delivery.process.lambda.TransformFunction;
import dev.freshet.delivery.process.lambda.TransformFunction.Reply;
import dev.freshet.delivery.testing.HttpEndpointReceiver;
import dev.freshet.delivery.testing.HttpEndpointReceiver.Mode;
import dev.freshet.delivery.testing.HttpEndpointReceiver.Received;
import dev.freshet.tests.harness.FreshetServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.firehose.model.HttpEndpointDestinationConfiguration;
import software.amazon.awssdk.services.firehose.model.ProcessingConfiguration;
import software.amazon.awssdk.services.firehose.model.Processor;
import software.amazon.awssdk.services.firehose.model.ProcessorParameter;
import software.amazon.awssdk.services.firehose.model.ProcessorParameterName;
import software.amazon.awssdk.services.firehose.model.ProcessorType;
import software.amazon.awssdk.services.firehose.model.Record;

/**
 * Destinations and transforms that misbehave, end to end (issue 5, "bad input"): HTTP endpoints that answer
 * garbage, the wrong request id, too slowly, by dropping the connection or with a redirect, and Lambda
 * transforms that answer wrong or missing record ids, a body that is not JSON, or too slowly. Every record
 * sent comes out exactly once — delivered, or as an error-output envelope with the service's error code —
 * and meanwhile {@code /health} answers 200 and a healthy stream to the local object store keeps delivering.
 *
 * <p>The server runs with 1 s timeouts ({@code delivery-http-timeout-millis},
 * {@code delivery-lambda-timeout-millis}; the service's are 3 and 5 minutes) and short retry durations, and
 * the streams of a test fail side by side, so the class takes seconds.
 */
class FirehoseMisbehavingDestinationsTest {

    private static final Duration SETTLED = Duration.ofSeconds(45);

    @RegisterExtension
    static final FreshetServer server = new FreshetServer("--delivery-http-timeout-millis", "1000",
        "--delivery-lambda-timeout-millis", "1000");
    @RegisterExtension
    static final FirehoseSdk sdk = new FirehoseSdk(server);

    @Test
    void misbehavingEndpointsGetEveryRecordEnvelopedOnceWhileAHealthyStreamDelivers() throws Exception {
        Path dataDir = server.process().dataDir();
        Map<Mode, HttpEndpointReceiver> receivers = new LinkedHashMap<>();
        Serving serving = new Serving("healthy-http");
        try {
            for (Mode mode : List.of(Mode.GARBAGE_200, Mode.WRONG_REQUEST_ID, Mode.SLOW, Mode.DROP_CONNECTION,
                    Mode.REDIRECT)) {
                HttpEndpointReceiver receiver = new HttpEndpointReceiver(null);
                receivers.put(mode, receiver);
                receiver.answerAlways(mode);
                receiver.slowMillis(4_000);
                createHttp(stream(mode), receiver, 4);
            }
            Map<Mode, List<String>> sent = new LinkedHashMap<>();
            receivers.keySet().forEach(mode -> sent.put(mode, put(stream(mode), records(mode.name(), 20))));

            serving.awaitWhileServing("every misbehaving endpoint's records in its error output", () ->
                sent.entrySet().stream().allMatch(e -> httpFailed(dataDir, e.getKey()).size() >= e.getValue().size()));

            for (Mode mode : sent.keySet()) {
                List<JsonNode> envelopes = httpFailed(dataDir, mode);
                assertThat(rawData(envelopes)).as("%s: each record enveloped exactly once", mode)
                    .containsExactlyInAnyOrderElementsOf(sent.get(mode));
                assertThat(envelopes).as(mode.name()).allSatisfy(e -> {
                    assertThat(e.path("attemptsMade").asInt()).as("retried within the retry duration").isGreaterThan(1);
                    assertThat(e.path("arrivalTimestamp").asLong()).isPositive();
                    assertThat(e.path("attemptEndingTimestamp").asLong()).isGreaterThanOrEqualTo(
                        e.path("arrivalTimestamp").asLong());
                });
                Map<String, List<Received>> byRequest = receivers.get(mode).received().stream()
                    .collect(Collectors.groupingBy(Received::requestId));
                assertThat(byRequest.values()).as("%s: each request was resent as it was", mode).allSatisfy(tries -> {
                    assertThat(tries).hasSizeGreaterThan(1);
                    assertThat(tries).allSatisfy(r ->
                        assertThat(strings(r.records())).isEqualTo(strings(tries.get(0).records())));
                });
            }
            assertThat(httpFailed(dataDir, Mode.GARBAGE_200)).allSatisfy(e -> {
                assertThat(e.path("errorCode").asText()).isEqualTo("HttpEndpoint.InvalidResponseFromDestination");
                assertThat(e.path("errorMessage").asText())
                    .startsWith("The response received from the specified endpoint is invalid. Contact the owner of "
                        + "the endpoint to resolve the issue. Response for request ")
                    .endsWith(" is not recognized as valid JSON or has unexpected fields. Raw response received: "
                        + "200 <html>not json</html>");
            });
            assertThat(httpFailed(dataDir, Mode.WRONG_REQUEST_ID)).allSatisfy(e -> {
                assertThat(e.path("errorCode").asText()).isEqualTo("HttpEndpoint.InvalidResponseFromDestination");
                assertThat(e.path("errorMessage").asText()).contains(" has a requestId that does not match. ")
                    .contains("00000000-0000-0000-0000-000000000000");
            });
            assertThat(httpFailed(dataDir, Mode.SLOW)).allSatisfy(e -> {
                assertThat(e.path("errorCode").asText()).isEqualTo("HttpEndpoint.RequestTimeout");
                assertThat(e.path("errorMessage").asText()).isEqualTo("The endpoint did not answer within 1 s");
            });
            assertThat(httpFailed(dataDir, Mode.DROP_CONNECTION)).allSatisfy(e -> {
                assertThat(e.path("errorCode").asText()).isEqualTo("HttpEndpoint.ConnectionReset");
                assertThat(e.path("errorMessage").asText()).startsWith("The endpoint reset or closed the connection");
            });
            assertThat(httpFailed(dataDir, Mode.REDIRECT)).as("3xx is not followed").allSatisfy(e -> {
                assertThat(e.path("errorCode").asText()).isEqualTo("HttpEndpoint.DestinationException");
                assertThat(e.path("errorMessage").asText())
                    .startsWith("Received the following response from the endpoint destination. 302: ");
            });
            for (Mode mode : List.of(Mode.GARBAGE_200, Mode.WRONG_REQUEST_ID, Mode.DROP_CONNECTION, Mode.REDIRECT)) {
                assertThat(receivers.get(mode).accepted()).as("%s accepted nothing", mode).isEmpty();
            }
            // the slow endpoint did take each request, after Freshet stopped waiting: at least once, not lost
            assertThat(strings(receivers.get(Mode.SLOW).accepted())).containsAll(sent.get(Mode.SLOW));
        } finally {
            receivers.values().forEach(HttpEndpointReceiver::close);
        }
    }

    @Test
    void anEndpointAnsweringGarbageTwiceGetsTheRecordsOnTheThirdAttempt() throws Exception {
        Path dataDir = server.process().dataDir();
        try (HttpEndpointReceiver receiver = new HttpEndpointReceiver(null)) {
            receiver.answerNext(Mode.GARBAGE_200, Mode.GARBAGE_200);
            createHttp("http-recovers", receiver, 30);
            List<String> sent = put("http-recovers", records("recovers", 20));

            await("delivered after two garbage answers").atMost(SETTLED)
                .until(() -> receiver.accepted().size() >= sent.size());

            assertThat(strings(receiver.accepted())).containsExactlyElementsOf(sent);
            List<Received> requests = receiver.received();
            assertThat(requests.subList(0, 3)).extracting(Received::answeredWith)
                .containsExactly(Mode.GARBAGE_200, Mode.GARBAGE_200, Mode.OK);
            assertThat(requests.subList(0, 3)).extracting(Received::requestId).as("one request, resent")
                .containsOnly(requests.get(0).requestId());
            assertThat(DeliveredObjects.keys(dataDir, "http-recovers-bucket", "")).as("no error output").isEmpty();
        }
    }

    @Test
    void misbehavingTransformsSendEveryRecordToProcessingFailedOnceWhileAHealthyStreamDelivers() {
        Path dataDir = server.process().dataDir();
        Map<String, TransformFunction> functions = new LinkedHashMap<>();
        functions.put("wrong-ids", TransformFunction.start(TransformFunction.eachRecord(r ->
            TransformFunction.result("not-" + r.get("recordId").asText(), "Ok", TransformFunction.data(r)))));
        functions.put("missing-record", TransformFunction.start(event -> {
            JsonNode first = event.path("records").get(0);
            return Reply.json(TransformFunction.JSON.createObjectNode().set("records", TransformFunction.JSON
                .createArrayNode().add(TransformFunction.ok(first, TransformFunction.data(first)))));
        }));
        functions.put("not-json", TransformFunction.start(event -> Reply.raw(200, "<html>oops</html>")));
        TransformFunction.Handler okSlowly =
            TransformFunction.eachRecord(r -> TransformFunction.ok(r, TransformFunction.data(r)));
        functions.put("slow", TransformFunction.start(event -> okSlowly.handle(event).after(Duration.ofSeconds(3))));
        Serving serving = new Serving("healthy-lambda");
        try {
            Map<String, List<String>> sent = new LinkedHashMap<>();
            functions.forEach((name, function) -> {
                sdk.client().createDeliveryStream(r -> r.deliveryStreamName("lambda-" + name)
                    .extendedS3DestinationConfiguration(Firehoses.extendedS3("lambda-" + name + "-bucket")
                        .bufferingHints(Firehoses.hints(1, 0))
                        .processingConfiguration(lambda(function, name.equals("slow") ? 2 : 1)).build()));
                sent.put(name, put("lambda-" + name, records(name, 10)));
            });

            serving.awaitWhileServing("every misbehaving transform's records in processing-failed/", () ->
                sent.entrySet().stream().allMatch(e -> processingFailed(dataDir, e.getKey()).size() >= e.getValue().size()));

            for (String name : sent.keySet()) {
                List<JsonNode> envelopes = processingFailed(dataDir, name);
                assertThat(rawData(envelopes)).as("%s: each record enveloped exactly once", name)
                    .containsExactlyInAnyOrderElementsOf(sent.get(name));
                assertThat(envelopes).as(name).allSatisfy(e ->
                    assertThat(e.path("lambdaArn").asText()).isEqualTo(functions.get(name).url().toString()));
                assertThat(DeliveredObjects.keys(dataDir, "lambda-" + name + "-bucket", "2")).as("%s delivered nothing", name)
                    .isEmpty();
            }
            String missingMessage = "One or more record IDs were not returned. Ensure that the Lambda function returns "
                + "all received record IDs.";
            for (String name : List.of("wrong-ids", "missing-record")) {
                assertThat(processingFailed(dataDir, name)).as("%s: a broken contract is not retried", name).allSatisfy(e -> {
                    assertThat(e.path("errorCode").asText()).isEqualTo("Lambda.MissingRecordId");
                    assertThat(e.path("errorMessage").asText()).isEqualTo(missingMessage);
                    assertThat(e.path("attemptsMade").asInt()).isEqualTo(1);
                });
            }
            assertThat(processingFailed(dataDir, "not-json")).allSatisfy(e -> {
                assertThat(e.path("errorCode").asText()).isEqualTo("Lambda.JsonProcessingException");
                assertThat(e.path("errorMessage").asText()).startsWith("There was an error parsing returned records from "
                    + "the Lambda function. Ensure that the returned records follow the status model required by");
                assertThat(e.path("attemptsMade").asInt()).isEqualTo(1);
            });
            assertThat(processingFailed(dataDir, "slow")).as("a timeout is retried NumberOfRetries times").allSatisfy(e -> {
                assertThat(e.path("errorCode").asText()).isEqualTo("Lambda.FunctionError");
                assertThat(e.path("errorMessage").asText()).isEqualTo("The Lambda function did not answer within 1 s");
                assertThat(e.path("attemptsMade").asInt()).isEqualTo(3);
            });
            assertThat(functions.get("slow").invocations() % 3).as("each invocation tried three times").isZero();
        } finally {
            functions.values().forEach(TransformFunction::close);
        }
    }

    // ---- the healthy stream and /health, checked while the others fail -------------------------

    /**
     * A healthy Direct PUT stream to the local object store: while the test awaits the misbehaving streams,
     * each poll checks that {@code /health} answers 200 and puts one more record; at the end every record put
     * must be in the bucket, exactly once, and some before the misbehaving streams were done.
     */
    private static final class Serving {
        private final String stream;
        private final List<String> sent = new CopyOnWriteArrayList<>();
        private final HttpClient http = HttpClient.newHttpClient();
        private boolean deliveredMeanwhile;

        Serving(String stream) {
            this.stream = stream;
            sdk.client().createDeliveryStream(r -> r.deliveryStreamName(stream).extendedS3DestinationConfiguration(
                Firehoses.extendedS3(stream + "-bucket").bufferingHints(Firehoses.hints(1, 0)).build()));
            putOne();
        }

        private void putOne() {
            sent.addAll(put(stream, List.of("{\"healthy\":" + sent.size() + "}\n")));
        }

        void awaitWhileServing(String what, BooleanSupplier done) {
            await(what).atMost(SETTLED).pollInterval(Duration.ofMillis(250)).until(() -> {
                boolean finished = done.getAsBoolean();
                if (!finished) {
                    assertThat(health()).as("GET /health while streams fail").isEqualTo(200);
                    putOne();
                    deliveredMeanwhile |= !delivered().isEmpty();
                }
                return finished;
            });
            await("the healthy stream's records delivered").atMost(SETTLED).until(() -> delivered().size() >= sent.size());
            assertThat(delivered()).as("healthy stream, every record exactly once").containsExactlyInAnyOrderElementsOf(sent);
            assertThat(deliveredMeanwhile).as("the healthy stream delivered while the others were failing").isTrue();
            assertThat(health()).isEqualTo(200);
        }

        private List<String> delivered() {
            Path dataDir = server.process().dataDir();
            List<String> lines = new ArrayList<>();
            for (String key : DeliveredObjects.keys(dataDir, stream + "-bucket", "")) {
                Arrays.stream(new String(DeliveredObjects.content(dataDir, stream + "-bucket", key), StandardCharsets.UTF_8)
                    .split("(?<=\n)")).filter(l -> !l.isEmpty()).forEach(lines::add);
            }
            return lines;
        }

        private int health() {
            try {
                return http.send(HttpRequest.newBuilder(server.endpoint().resolve("/health")).timeout(Duration.ofSeconds(5))
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    // ---- helpers ------------------------------------------------------------------------------

    private static String stream(Mode mode) {
        return "http-" + mode.name().toLowerCase().replace('_', '-');
    }

    private static void createHttp(String name, HttpEndpointReceiver receiver, int retrySeconds) {
        HttpEndpointDestinationConfiguration config = HttpEndpointDestinationConfiguration.builder()
            .endpointConfiguration(e -> e.url(receiver.url().toString()).name("receiver"))
            .bufferingHints(h -> h.sizeInMBs(1).intervalInSeconds(0))
            .retryOptions(r -> r.durationInSeconds(retrySeconds))
            .roleARN(Firehoses.ROLE)
            .s3Configuration(s -> s.roleARN(Firehoses.ROLE).bucketARN("arn:aws:s3:::" + name + "-bucket"))
            .build();
        sdk.client().createDeliveryStream(r -> r.deliveryStreamName(name).httpEndpointDestinationConfiguration(config));
    }

    private static List<JsonNode> httpFailed(Path dataDir, Mode mode) {
        return DeliveredObjects.envelopes(dataDir, stream(mode) + "-bucket", "http-endpoint-failed/");
    }

    private static List<JsonNode> processingFailed(Path dataDir, String function) {
        return DeliveredObjects.envelopes(dataDir, "lambda-" + function + "-bucket", "processing-failed/");
    }

    private static ProcessingConfiguration lambda(TransformFunction function, int retries) {
        return ProcessingConfiguration.builder().enabled(true).processors(Processor.builder().type(ProcessorType.LAMBDA)
            .parameters(parameter(ProcessorParameterName.LAMBDA_ARN, function.url().toString()),
                parameter(ProcessorParameterName.NUMBER_OF_RETRIES, String.valueOf(retries))).build()).build();
    }

    private static ProcessorParameter parameter(ProcessorParameterName name, String value) {
        return ProcessorParameter.builder().parameterName(name).parameterValue(value).build();
    }

    private static List<String> records(String tag, int count) {
        List<String> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            records.add("{\"tag\":\"" + tag + "\",\"n\":" + i + "}\n");
        }
        return records;
    }

    /** Puts the records in one PutRecordBatch call (so they are one buffer) and answers them. */
    private static List<String> put(String stream, List<String> records) {
        List<Record> batch = records.stream().map(r -> Record.builder().data(SdkBytes.fromUtf8String(r)).build()).toList();
        assertThat(sdk.client().putRecordBatch(r -> r.deliveryStreamName(stream).records(batch)).failedPutCount()).isZero();
        return records;
    }

    private static List<String> strings(List<byte[]> records) {
        return records.stream().map(b -> new String(b, StandardCharsets.UTF_8)).toList();
    }

    private static List<String> rawData(List<JsonNode> envelopes) {
        return envelopes.stream()
            .map(e -> new String(Base64.getDecoder().decode(e.path("rawData").asText()), StandardCharsets.UTF_8)).toList();
    }
}
