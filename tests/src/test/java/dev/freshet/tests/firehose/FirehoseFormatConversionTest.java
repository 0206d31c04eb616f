package dev.freshet.tests.firehose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.freshet.delivery.convert.ParquetReading;
import dev.freshet.tests.harness.FreshetServer;
import dev.freshet.tests.harness.Wire;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.firehose.model.CompressionFormat;
import software.amazon.awssdk.services.firehose.model.DataFormatConversionConfiguration;
import software.amazon.awssdk.services.firehose.model.InvalidArgumentException;
import software.amazon.awssdk.services.firehose.model.ParquetCompression;
import software.amazon.awssdk.services.firehose.model.Record;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/**
 * Record format conversion through the SDK: the schema given inline in SchemaConfiguration.TableName,
 * JSON records delivered as a Parquet object (read back with parquet-java; timestamps as Hive's INT96),
 * a record that does not fit in {@code format-conversion-failed/} (with its sequence number when it
 * came from a Kinesis data stream), a Glue table reference refused.
 */
class FirehoseFormatConversionTest {

    private static final String TABLE = "struct<id:bigint,page:string,ts:timestamp,tags:array<string>>";

    @RegisterExtension
    static final FreshetServer server = new FreshetServer();
    @RegisterExtension
    static final FirehoseSdk sdk = new FirehoseSdk(server);

    @Test
    void jsonRecordsArriveAsAParquetObject() throws Exception {
        sdk.client().createDeliveryStream(r -> r.deliveryStreamName("pq").extendedS3DestinationConfiguration(
            Firehoses.extendedS3("lake").bufferingHints(Firehoses.hints(64, 0)).compressionFormat(CompressionFormat.UNCOMPRESSED)
                .dataFormatConversionConfiguration(conversion(TABLE)).build()));
        List<Record> records = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            records.add(Record.builder().data(SdkBytes.fromUtf8String(
                "{\"ID\":" + i + ",\"page\":\"/p/" + i + "\",\"ts\":" + (1518033528 + i) + ",\"tags\":[\"a\"]}\n")).build());
        }
        records.add(Record.builder().data(SdkBytes.fromUtf8String("{\"id\":[1]}")).build());
        assertThat(sdk.client().putRecordBatch(r -> r.deliveryStreamName("pq").records(records)).failedPutCount()).isZero();

        Path data = server.process().dataDir();
        await().atMost(Duration.ofSeconds(30)).until(() -> DeliveredObjects.keys(data, "lake", "").size() == 2);
        String key = DeliveredObjects.keys(data, "lake", "2").get(0);
        assertThat(key).matches("\\d{4}/\\d{2}/\\d{2}/\\d{2}/pq-1-.*\\.parquet");
        List<Group> rows = ParquetReading.read(DeliveredObjects.content(data, "lake", key)).rows();
        assertThat(rows).hasSize(20);
        assertThat(rows.get(3).getLong("id", 0)).isEqualTo(3);
        // Hive's INT96 (nanos of day + Julian day), as the service's Parquet SerDe writes timestamps
        assertThat(ParquetReading.read(DeliveredObjects.content(data, "lake", key)).schema().getType("ts")
            .asPrimitiveType().getPrimitiveTypeName()).isEqualTo(PrimitiveTypeName.INT96);
        assertThat(ParquetReading.int96(rows.get(3).getInt96("ts", 0))).isEqualTo(Instant.ofEpochMilli(1_518_033_531_000L));
        assertThat(rows.get(3).getGroup("tags", 0).getGroup("list", 0).getString("element", 0)).isEqualTo("a");

        List<JsonNode> failed = DeliveredObjects.envelopes(data, "lake", "format-conversion-failed/");
        assertThat(failed).singleElement().satisfies(envelope -> {
            assertThat(envelope.get("ErrorCode").asText()).isEqualTo("DataFormatConversion.MalformedData");
            assertThat(envelope.get("dataCatalogTable").get("tableName").asText()).isEqualTo(TABLE);
        });
    }

    @Test
    void aKinesisSourcedRecordThatDoesNotFitNamesItsSequenceNumber() {
        KinesisClient kinesis = server.client(Wire.JSON);
        String arn = Firehoses.dataStream(kinesis, "pq-source", 1);
        sdk.client().createDeliveryStream(Firehoses.fromKinesis("pq-kinesis", arn)
            .extendedS3DestinationConfiguration(Firehoses.extendedS3("lake-kinesis").bufferingHints(Firehoses.hints(64, 0))
                .compressionFormat(CompressionFormat.UNCOMPRESSED).dataFormatConversionConfiguration(conversion(TABLE))
                .build()).build());
        kinesis.putRecord(r -> r.streamName("pq-source").partitionKey("a").data(SdkBytes.fromUtf8String("{\"id\":1}")));
        String badSequence = kinesis.putRecord(r -> r.streamName("pq-source").partitionKey("b")
            .data(SdkBytes.fromUtf8String("{\"id\":\"not a number\"}"))).sequenceNumber();

        Path data = server.process().dataDir();
        await().atMost(Duration.ofSeconds(30)).until(() ->
            !DeliveredObjects.envelopes(data, "lake-kinesis", "format-conversion-failed/").isEmpty());
        assertThat(DeliveredObjects.envelopes(data, "lake-kinesis", "format-conversion-failed/")).singleElement()
            .satisfies(envelope -> {
                assertThat(envelope.get("sequenceNumber").asText()).isEqualTo(badSequence);
                assertThat(envelope.get("subSequenceNumber").asLong()).isZero();
                assertThat(envelope.get("ErrorCode").asText()).isEqualTo("DataFormatConversion.MalformedData");
            });
    }

    @Test
    void aGlueTableReferenceIsRefused() {
        assertThatThrownBy(() -> sdk.client().createDeliveryStream(r -> r.deliveryStreamName("glue")
            .extendedS3DestinationConfiguration(Firehoses.extendedS3("lake2").bufferingHints(Firehoses.hints(64, 60))
                .compressionFormat(CompressionFormat.UNCOMPRESSED).dataFormatConversionConfiguration(conversion("clicks")).build())))
            .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("no AWS Glue Data Catalog");
    }

    private static DataFormatConversionConfiguration conversion(String table) {
        return DataFormatConversionConfiguration.builder()
            .schemaConfiguration(s -> s.roleARN(Firehoses.ROLE).databaseName("web").tableName(table))
            .inputFormatConfiguration(i -> i.deserializer(d -> d.openXJsonSerDe(o -> { })))
            .outputFormatConfiguration(o -> o.serializer(s -> s.parquetSerDe(p -> p.compression(ParquetCompression.SNAPPY))))
            .build();
    }
}
