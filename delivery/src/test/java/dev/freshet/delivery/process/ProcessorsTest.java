package dev.freshet.delivery.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.freshet.delivery.DeliveryErrorType;
import dev.freshet.delivery.DeliveryException;
import dev.freshet.delivery.DeliveryRecord;
import dev.freshet.delivery.DeliveryStreamRef;
import dev.freshet.delivery.process.lambda.LambdaProcessor;
import dev.freshet.delivery.process.lambda.TransformFunction;
import dev.freshet.delivery.process.split.KplEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessorsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DeliveryStreamRef STREAM = new DeliveryStreamRef("s",
        "arn:aws:firehose:us-east-1:123456789012:deliverystream/s", "us-east-1", 1);

    @Test
    void absentOrDisabledProcessingIsTheIdentity() throws Exception {
        ProcessorChain absent = Processors.build(null, false, ProcessingSettings.defaults());
        ProcessorChain disabled = Processors.build(json("""
            {"Enabled": false, "Processors": [{"Type": "AppendDelimiterToRecord"}]}"""), false,
            ProcessingSettings.defaults());
        List<DeliveryRecord> records = List.of(record("1", "a"));

        assertThat(absent.steps()).isEmpty();
        assertThat(disabled.steps()).isEmpty();
        assertThat(disabled.process(STREAM, records).records()).isEqualTo(records);
    }

    @Test
    void stepsRunInTheServicesOrderWhateverTheListedOrder() {
        ProcessorChain chain = Processors.build(json("""
            {"Enabled": true, "Processors": [
              {"Type": "AppendDelimiterToRecord"},
              {"Type": "MetadataExtraction", "Parameters": [
                 {"ParameterName": "MetadataExtractionQuery", "ParameterValue": "{k:.k}"},
                 {"ParameterName": "JsonParsingEngine", "ParameterValue": "JQ-1.6"}]},
              {"Type": "Lambda", "Parameters": [
                 {"ParameterName": "LambdaArn", "ParameterValue": "http://127.0.0.1:1/"},
                 {"ParameterName": "BufferSizeInMBs", "ParameterValue": "3"},
                 {"ParameterName": "BufferIntervalInSeconds", "ParameterValue": "120"}]},
              {"Type": "RecordDeAggregation", "Parameters": [{"ParameterName": "SubRecordType", "ParameterValue": "JSON"}]},
              {"Type": "CloudWatchLogProcessing", "Parameters": [
                 {"ParameterName": "DataMessageExtraction", "ParameterValue": "true"}]},
              {"Type": "Decompression", "Parameters": [{"ParameterName": "CompressionFormat", "ParameterValue": "GZIP"}]}
            ]}"""), true, ProcessingSettings.defaults());

        assertThat(chain.steps()).extracting(s -> s.getClass().getSimpleName()).containsExactly(
            "KplDeaggregationProcessor", "DecompressionProcessor", "CloudWatchLogsProcessor",
            "RecordDeAggregationProcessor", "LambdaProcessor", "MetadataExtractionProcessor",
            "AppendDelimiterProcessor");
        LambdaProcessor lambda = chain.lambda().orElseThrow();
        assertThat(lambda.bufferSizeBytes()).isEqualTo(3 * 1024 * 1024);
        assertThat(lambda.bufferIntervalSeconds()).isEqualTo(120);
    }

    @Test
    void theChainPassesEachStepsOutputOnAndAddsUpFailures() throws Exception {
        ProcessorChain chain = Processors.build(json("""
            {"Enabled": true, "Processors": [
              {"Type": "RecordDeAggregation", "Parameters": [{"ParameterName": "SubRecordType", "ParameterValue": "JSON"}]},
              {"Type": "MetadataExtraction", "Parameters": [
                 {"ParameterName": "MetadataExtractionQuery", "ParameterValue": "{customer:.c}"},
                 {"ParameterName": "JsonParsingEngine", "ParameterValue": "JQ-1.6"}]},
              {"Type": "AppendDelimiterToRecord"}]}"""), false, ProcessingSettings.defaults());

        ProcessingResult result = chain.process(STREAM, List.of(record("1", "{\"c\":1}\n{\"c\":2}{\"x\":3}"),
            record("2", "[1,2]")));

        assertThat(result.records()).extracting(r -> new String(r.data(), StandardCharsets.UTF_8))
            .containsExactly("{\"c\":1}\n", "{\"c\":2}\n");
        assertThat(result.records()).extracting(DeliveryRecord::recordId).containsExactly("1.0", "1.1");
        assertThat(result.records().get(1).partitionKeys()).containsEntry("customer", "2");
        assertThat(result.failed()).extracting(f -> f.record().recordId()).containsExactlyInAnyOrder("2", "1.2");
    }

    @Test
    void aLambdaBetweenDeAggregationAndPartitioningSeesSplitRecordsAndItsKeysReachTheRecords() throws Exception {
        try (TransformFunction fn = TransformFunction.start(TransformFunction.eachRecord(r -> TransformFunction.ok(r,
                ("{\"v\":" + new String(TransformFunction.data(r), StandardCharsets.UTF_8) + "}").getBytes(),
                java.util.Map.of("from_lambda", "yes"))))) {
            ProcessorChain chain = Processors.build(json("""
                {"Enabled": true, "Processors": [
                  {"Type": "AppendDelimiterToRecord"},
                  {"Type": "MetadataExtraction", "Parameters": [
                     {"ParameterName": "MetadataExtractionQuery", "ParameterValue": "{v:.v}"},
                     {"ParameterName": "JsonParsingEngine", "ParameterValue": "JQ-1.6"}]},
                  {"Type": "Lambda", "Parameters": [{"ParameterName": "LambdaArn", "ParameterValue": "%s"}]},
                  {"Type": "RecordDeAggregation", "Parameters": [
                     {"ParameterName": "SubRecordType", "ParameterValue": "DELIMITED"},
                     {"ParameterName": "Delimiter", "ParameterValue": "LA=="}]}]}""".formatted(fn.url())), false,
                ProcessingSettings.defaults());

            ProcessingResult result = chain.process(STREAM, List.of(record("1", "1,2")));

            assertThat(fn.events().get(0).get("records")).hasSize(2);
            assertThat(result.records()).extracting(r -> new String(r.data(), StandardCharsets.UTF_8))
                .containsExactly("{\"v\":1}\n", "{\"v\":2}\n");
            assertThat(result.records().get(1).partitionKeys()).isEqualTo(java.util.Map.of("v", "2", "from_lambda", "yes"));
        }
    }

    @Test
    void kinesisSourcedStreamsDeAggregateKplRecordsEvenWithoutProcessing() throws Exception {
        byte[] aggregated = new KplEncoder().add("k", "a".getBytes()).add("k", "b".getBytes()).encode();

        ProcessingResult result = Processors.build(null, true, ProcessingSettings.defaults()).process(STREAM,
            List.of(new DeliveryRecord("seq", 1L, aggregated)));

        assertThat(result.records()).extracting(r -> new String(r.data(), StandardCharsets.UTF_8))
            .containsExactly("a", "b");
    }

    @Test
    void invalidConfigurationsNameTheirFault() {
        assertInvalid("{\"Processors\": [{\"Type\": \"Transmogrify\"}]}", "Transmogrify");
        assertInvalid("{\"Processors\": [{\"Type\": \"AppendDelimiterToRecord\"}, {\"Type\": \"AppendDelimiterToRecord\"}]}",
            "more than once");
        assertInvalid(processor("Lambda", "\"LambdaArn\": \"http://127.0.0.1:1/\", \"Colour\": \"red\""), "Colour");
        assertInvalid(processor("Lambda", "\"NumberOfRetries\": \"3\""), "LambdaArn");
        assertInvalid(processor("Lambda", "\"LambdaArn\": \"my-function\""), "LambdaArn");
        assertInvalid(processor("Lambda", "\"LambdaArn\": \"http://127.0.0.1:1/\", \"NumberOfRetries\": \"-1\""),
            "NumberOfRetries");
        assertInvalid(processor("Lambda", "\"LambdaArn\": \"http://127.0.0.1:1/\", \"BufferSizeInMBs\": \"4\""),
            "BufferSizeInMBs");
        assertInvalid(processor("Lambda", "\"LambdaArn\": \"http://127.0.0.1:1/\", \"BufferIntervalInSeconds\": \"901\""),
            "BufferIntervalInSeconds");
        // the service's documented ranges: 0.2-3 MB and 0-900 s
        for (String bad : List.of("\"BufferSizeInMBs\": \"0.1\"", "\"BufferSizeInMBs\": \"one\"",
                "\"BufferIntervalInSeconds\": \"-1\"", "\"BufferIntervalInSeconds\": \"1.5\"")) {
            assertInvalid(processor("Lambda", "\"LambdaArn\": \"http://127.0.0.1:1/\", " + bad), bad.substring(1, bad.indexOf('"', 1)));
        }
        assertInvalid(processor("Lambda", "\"LambdaArn\": \"http://127.0.0.1:1/\", \"SubRecordType\": \"JSON\""),
            "SubRecordType");
        assertInvalid(processor("MetadataExtraction", "\"MetadataExtractionQuery\": \"{a:.a}\", "
            + "\"JsonParsingEngine\": \"JQ-1.5\""), "JsonParsingEngine");
        assertInvalid(processor("MetadataExtraction", "\"MetadataExtractionQuery\": \"{a:.a\", "
            + "\"JsonParsingEngine\": \"JQ-1.6\""), "MetadataExtractionQuery");
        assertInvalid(processor("MetadataExtraction", "\"JsonParsingEngine\": \"JQ-1.6\""), "MetadataExtractionQuery");
        assertInvalid(processor("RecordDeAggregation", "\"SubRecordType\": \"XML\""), "SubRecordType");
        assertInvalid(processor("RecordDeAggregation", "\"SubRecordType\": \"DELIMITED\""), "Delimiter");
        assertInvalid(processor("RecordDeAggregation", "\"SubRecordType\": \"DELIMITED\", \"Delimiter\": \"#!#\""),
            "Delimiter");
        assertInvalid(processor("Decompression", "\"CompressionFormat\": \"ZSTD\""), "CompressionFormat");
        assertInvalid(processor("AppendDelimiterToRecord", "\"Delimiter\": \"\\\\q\""), "Delimiter");
        assertInvalid("{\"Processors\": [{\"Type\": \"CloudWatchLogProcessing\", \"Parameters\": [{\"ParameterName\": "
            + "\"DataMessageExtraction\", \"ParameterValue\": \"true\"}]}]}", "Decompression");
        assertInvalid("{\"Processors\": [{\"Type\": \"Decompression\"}, {\"Type\": \"CloudWatchLogProcessing\", "
            + "\"Parameters\": [{\"ParameterName\": \"DataMessageExtraction\", \"ParameterValue\": \"false\"}]}]}",
            "DataMessageExtraction");
        assertInvalid(processor("AppendDelimiterToRecord", "\"Delimiter\": \"   \""), "Delimiter");
        assertInvalid("{\"Processors\": [{\"Type\": \"Lambda\", \"Parameters\": [{\"ParameterName\": \"LambdaArn\", "
            + "\"ParameterValue\": \"http://127.0.0.1:1/\"}, {\"ParameterName\": \"LambdaArn\", \"ParameterValue\": "
            + "\"http://127.0.0.1:2/\"}]}]}", "LambdaArn");
        assertInvalid("{\"Enabled\": \"yes\"}", "Enabled");
    }

    @Test
    void validConfigurationsPass() {
        Processors.validate(json(processor("Lambda", "\"LambdaArn\": "
            + "\"arn:aws:lambda:eu-west-1:123456789012:function:my-fn:$LATEST\", \"RoleArn\": \"arn:aws:iam::1:role/r\"")));
        Processors.validate(json(processor("RecordDeAggregation", "\"SubRecordType\": \"DELIMITED\", "
            + "\"Delimiter\": \"IyMjIw==\"")));
        Processors.validate(json(processor("AppendDelimiterToRecord", "\"Delimiter\": \"\\\\r\\\\n\"")));
    }

    private static void assertInvalid(String configuration, String named) {
        assertThatThrownBy(() -> Processors.validate(json(configuration)))
            .isInstanceOfSatisfying(DeliveryException.class,
                e -> assertThat(e.type()).isEqualTo(DeliveryErrorType.INVALID_ARGUMENT))
            .hasMessageContaining(named);
    }

    /** A configuration with one processor, parameters given as "name": "value" pairs. */
    private static String processor(String type, String pairs) {
        StringBuilder parameters = new StringBuilder();
        for (String pair : pairs.split(", (?=\")")) {
            String[] nv = pair.split(": ", 2);
            if (parameters.length() > 0) {
                parameters.append(", ");
            }
            parameters.append("{\"ParameterName\": ").append(nv[0]).append(", \"ParameterValue\": ").append(nv[1])
                .append('}');
        }
        return "{\"Enabled\": true, \"Processors\": [{\"Type\": \"" + type + "\", \"Parameters\": [" + parameters
            + "]}]}";
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    static DeliveryRecord record(String id, String data) {
        return new DeliveryRecord(id, 1_700_000_000_000L, data.getBytes(StandardCharsets.UTF_8));
    }
}
