package dev.freshet.delivery.process;

import static dev.freshet.delivery.process.ProcessorsTest.record;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.freshet.delivery.DeliveryRecord;
import dev.freshet.delivery.DeliveryStreamRef;
import dev.freshet.delivery.SourceRecordMetadata;
import dev.freshet.delivery.destination.FailedRecord;
import dev.freshet.delivery.process.jq.PartitionKeyQuery;
import dev.freshet.delivery.process.split.KplEncoder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class BuiltInProcessorsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochMilli(1_700_000_500_000L), ZoneOffset.UTC);
    private static final DeliveryStreamRef STREAM = new DeliveryStreamRef("s",
        "arn:aws:firehose:us-east-1:123456789012:deliverystream/s", "us-east-1", 1);

    @Test
    void appendDelimiterEndsEveryRecordWithANewlineByDefault() {
        ProcessingResult result = new AppendDelimiterProcessor("\n".getBytes(), CLOCK).process(STREAM,
            List.of(record("1", "a"), record("2", "")));

        assertThat(texts(result)).containsExactly("a\n", "\n");
    }

    @Test
    void appendDelimiterTakesAnEscapedDelimiter() {
        ProcessorParameters parameters = ProcessorParameters.of(ProcessorType.APPEND_DELIMITER_TO_RECORD,
            Map.of("Delimiter", "\\r\\n"));

        assertThat(texts(AppendDelimiterProcessor.from(parameters, CLOCK).process(STREAM, List.of(record("1", "a")))))
            .containsExactly("a\r\n");
    }

    @Test
    void decompressionInflatesGzipAndFilesBadRecordsUnderDecompressionFailed() throws Exception {
        DeliveryRecord good = new DeliveryRecord("1", 5L, gzip("hello".getBytes()));
        DeliveryRecord bad = record("2", "not gzip");

        ProcessingResult result = new DecompressionProcessor(CLOCK).process(STREAM, List.of(good, bad));

        assertThat(texts(result)).containsExactly("hello");
        FailedRecord failed = result.failed().get(0);
        assertThat(failed.errorOutputType()).isEqualTo("decompression-failed");
        JsonNode envelope = JSON.readTree(failed.envelope());
        assertThat(envelope.get("rawData").asText()).isEqualTo(Base64.getEncoder().encodeToString("not gzip".getBytes()));
        assertThat(envelope.get("attemptEndingTimestamp").asLong()).isEqualTo(CLOCK.millis());
        assertThat(envelope.has("lambdaArn")).isFalse();
    }

    @Test
    void cloudWatchLogsDataMessagesBecomeTheirMessagesOnePerLine() {
        String envelope = """
            {"messageType":"DATA_MESSAGE","owner":"111111111111","logGroup":"g","logStream":"s",
             "subscriptionFilters":["f"],"logEvents":[
               {"id":"1","timestamp":1432826855000,"message":"{\\"eventVersion\\":\\"1.03\\"}"},
               {"id":"2","timestamp":1432826855001,"message":"plain text"}]}""";
        String control = """
            {"messageType":"CONTROL_MESSAGE","owner":"CloudwatchLogs","logGroup":"","logStream":"",
             "subscriptionFilters":[],"logEvents":[{"id":"","timestamp":1,"message":"CWL CONTROL MESSAGE"}]}""";

        ProcessingResult result = new CloudWatchLogsProcessor(CLOCK).process(STREAM,
            List.of(record("r", envelope), record("c", control), record("x", "{\"messageType\":\"OTHER\"}"),
                record("y", "garbage")));

        assertThat(texts(result)).containsExactly("{\"eventVersion\":\"1.03\"}\n", "plain text\n");
        assertThat(result.records()).extracting(DeliveryRecord::recordId).containsExactly("r.0", "r.1");
        assertThat(result.dropped()).isEqualTo(1);
        assertThat(result.failed()).extracting(f -> f.record().recordId()).containsExactly("x", "y");
    }

    @Test
    void deAggregationSplitsAtABase64Delimiter() {
        ProcessorParameters parameters = ProcessorParameters.of(ProcessorType.RECORD_DE_AGGREGATION,
            Map.of("SubRecordType", "DELIMITED", "Delimiter", "IyMjIw=="));

        ProcessingResult result = RecordDeAggregationProcessor.from(parameters, CLOCK).process(STREAM,
            List.of(record("1", "a####b########c####")));

        assertThat(texts(result)).containsExactly("a", "b", "c");
    }

    @Test
    void subRecordsKeepTheirSourceWithTheirIndexAsSubsequenceNumber() {
        SourceRecordMetadata source = new SourceRecordMetadata("arn:aws:kinesis:us-east-1:123456789012:stream/k",
            "shardId-000000000000", "pk", 5, "49650000000000000000000000000000000000000000000000000001", 0);
        ProcessorParameters parameters = ProcessorParameters.of(ProcessorType.RECORD_DE_AGGREGATION,
            Map.of("SubRecordType", "JSON"));

        ProcessingResult result = RecordDeAggregationProcessor.from(parameters, CLOCK).process(STREAM, List.of(
            new DeliveryRecord("seq", 5, "{\"a\":1}{\"b\":2}".getBytes(StandardCharsets.UTF_8), Map.of(), source),
            record("direct", "{\"c\":3}")));

        assertThat(result.records()).extracting(DeliveryRecord::source).containsExactly(
            source.withSubsequenceNumber(0), source.withSubsequenceNumber(1), null);
        assertThat(result.records()).extracting(DeliveryRecord::recordId).containsExactly("seq.0", "seq.1", "direct.0");
    }

    @Test
    void deAggregationOfJsonKeepsEachObjectsBytesAndCapsAt500() {
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 501; i++) {
            many.append("{}");
        }
        RecordDeAggregationProcessor processor = new RecordDeAggregationProcessor(null, CLOCK);

        ProcessingResult result = processor.process(STREAM, List.of(record("1", " {\"a\": [1, {\"b\":2}]}\n\n{\"a\":2}\n"),
            record("2", many.toString()), record("3", "{\"a\":1}{\"a\":")));

        assertThat(texts(result)).containsExactly("{\"a\": [1, {\"b\":2}]}", "{\"a\":2}");
        assertThat(result.failed()).extracting(f -> f.record().recordId()).containsExactly("2", "3");
    }

    @Test
    void kplAggregatedRecordsAreSplitAndOtherRecordsPassUnchanged() throws Exception {
        byte[] aggregated = new KplEncoder().add("pk1", "one".getBytes()).add("pk2", "two".getBytes())
            .add("pk1", "three".getBytes()).encode();
        byte[] corruptDigest = aggregated.clone();
        corruptDigest[corruptDigest.length - 1] ^= 1;
        byte[] malformedBody = KplEncoder.frame(new byte[] {0x1A, 0x05, 0x08});

        ProcessingResult result = new KplDeaggregationProcessor(CLOCK).process(STREAM, List.of(
            new DeliveryRecord("agg", 1L, aggregated), record("plain", "plain"),
            new DeliveryRecord("digest", 1L, corruptDigest), new DeliveryRecord("bad", 1L, malformedBody)));

        assertThat(result.records()).extracting(DeliveryRecord::recordId)
            .containsExactly("agg.0", "agg.1", "agg.2", "plain", "digest");
        assertThat(texts(result).subList(0, 4)).containsExactly("one", "two", "three", "plain");
        assertThat(result.failed()).extracting(f -> f.record().recordId()).containsExactly("bad");
        assertThat(JSON.readTree(result.failed().get(0).envelope()).get("errorCode").asText())
            .isEqualTo("KPL.DeaggregationFailed");
    }

    @Test
    void metadataExtractionSetsPartitionKeysAndFailsRecordsWithoutThem() throws Exception {
        MetadataExtractionProcessor processor = new MetadataExtractionProcessor(PartitionKeyQuery.compile(
            "{customer_id:.customer_id, year:.ts|strftime(\"%Y\"), month:.ts|strftime(\"%m\")}"), CLOCK);

        ProcessingResult result = processor.process(STREAM, List.of(
            record("1", "{\"customer_id\":\"c1\",\"ts\":1700000000}"),
            record("2", "{\"customer_id\":42,\"ts\":1700000000.5}"),
            record("3", "{\"ts\":1700000000}"),
            record("4", "not json"),
            record("5", "{\"customer_id\":\"c1\",\"ts\":\"yesterday\"}")));

        assertThat(result.records().get(0).partitionKeys())
            .isEqualTo(Map.of("customer_id", "c1", "year", "2023", "month", "11"));
        assertThat(result.records().get(1).partitionKeys()).containsEntry("customer_id", "42");
        assertThat(result.failed()).extracting(f -> f.record().recordId()).containsExactly("3", "4", "5");
        JsonNode envelope = JSON.readTree(result.failed().get(1).envelope());
        assertThat(envelope.get("errorCode").asText()).isEqualTo("DynamicPartitioning.MetadataExtractionFailed");
        assertThat(envelope.get("errorMessage").asText()).isEqualTo("Non JSON record provided");
        assertThat(result.failed().get(0).errorOutputType()).isEqualTo("processing-failed");
    }

    static List<String> texts(ProcessingResult result) {
        return result.records().stream().map(r -> new String(r.data(), StandardCharsets.UTF_8)).toList();
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(data);
        }
        return out.toByteArray();
    }
}
