package dev.freshet.delivery.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.freshet.delivery.DeliveryException;
import dev.freshet.delivery.DeliveryRecord;
import dev.freshet.delivery.SourceRecordMetadata;
import dev.freshet.delivery.destination.FailedRecord;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.junit.jupiter.api.Test;

/** JSON records through the configured conversion into Parquet, read back with parquet-java's reader (no Hadoop). */
class FormatConversionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final InstantSource CLOCK = InstantSource.fixed(Instant.ofEpochMilli(1_700_000_000_000L));
    private static final String TABLE = "struct<id:bigint,name:string,score:double,ok:boolean,small:tinyint,"
        + "ts:timestamp,day:date,price:decimal(10,2),tags:array<string>,attrs:map<string,int>,"
        + "addr:struct<city:string,zip:int>>";

    @Test
    void writesEveryTypeNullsAndNestedValues() throws IOException {
        FormatConversion.Converted converted = convert(config(TABLE, openX(""), parquet("")),
            "{\"id\":7,\"name\":\"ann\",\"score\":1.5,\"ok\":true,\"small\":-3,\"ts\":\"2017-02-07T15:13:01.392Z\","
                + "\"day\":\"2024-02-29\",\"price\":12.345,\"tags\":[\"a\",null,\"c\"],\"attrs\":{\"x\":1,\"y\":null},"
                + "\"addr\":{\"city\":\"Oslo\",\"zip\":150}}",
            "{\"id\":\"42\",\"name\":5,\"ok\":\"FALSE\",\"tags\":[],\"addr\":{},\"unknown\":{\"deep\":[1,2]}}",
            "{}");

        assertThat(converted.failed()).isEmpty();
        ParquetReading.Read read = ParquetReading.read(converted.body());
        assertThat(read.schema().getType("id").asPrimitiveType().getPrimitiveTypeName()).isEqualTo(PrimitiveTypeName.INT64);
        assertThat(read.schema().getType("ts").asPrimitiveType().getPrimitiveTypeName()).isEqualTo(PrimitiveTypeName.INT96);
        assertThat(read.schema().getType("ts").getLogicalTypeAnnotation()).isNull();
        assertThat(read.schema().getType("tags").getLogicalTypeAnnotation()).isEqualTo(LogicalTypeAnnotation.listType());
        assertThat(read.rows()).hasSize(3);

        Group full = read.rows().get(0);
        assertThat(full.getLong("id", 0)).isEqualTo(7);
        assertThat(full.getString("name", 0)).isEqualTo("ann");
        assertThat(full.getDouble("score", 0)).isEqualTo(1.5);
        assertThat(full.getBoolean("ok", 0)).isTrue();
        assertThat(full.getInteger("small", 0)).isEqualTo(-3);
        assertThat(ParquetReading.int96(full.getInt96("ts", 0))).isEqualTo(Instant.parse("2017-02-07T15:13:01.392Z"));
        assertThat(full.getInteger("day", 0)).isEqualTo((int) LocalDate.parse("2024-02-29").toEpochDay());
        assertThat(new BigDecimal(new BigInteger(full.getBinary("price", 0).getBytes()), 2)).isEqualByComparingTo("12.35");
        Group tags = full.getGroup("tags", 0);
        assertThat(tags.getFieldRepetitionCount("list")).isEqualTo(3);
        assertThat(tags.getGroup("list", 0).getString("element", 0)).isEqualTo("a");
        assertThat(tags.getGroup("list", 1).getFieldRepetitionCount("element")).isZero();
        Group attrs = full.getGroup("attrs", 0);
        assertThat(attrs.getGroup("key_value", 0).getString("key", 0)).isEqualTo("x");
        assertThat(attrs.getGroup("key_value", 0).getInteger("value", 0)).isEqualTo(1);
        assertThat(attrs.getGroup("key_value", 1).getFieldRepetitionCount("value")).isZero();
        assertThat(full.getGroup("addr", 0).getString("city", 0)).isEqualTo("Oslo");
        assertThat(full.getGroup("addr", 0).getInteger("zip", 0)).isEqualTo(150);

        Group coerced = read.rows().get(1);
        assertThat(coerced.getLong("id", 0)).isEqualTo(42);
        assertThat(coerced.getString("name", 0)).isEqualTo("5");
        assertThat(coerced.getBoolean("ok", 0)).isFalse();
        assertThat(coerced.getFieldRepetitionCount("score")).isZero();
        assertThat(coerced.getGroup("tags", 0).getFieldRepetitionCount("list")).isZero();
        assertThat(coerced.getGroup("addr", 0).getFieldRepetitionCount("city")).isZero();

        Group empty = read.rows().get(2);
        for (int i = 0; i < read.schema().getFieldCount(); i++) {
            assertThat(empty.getFieldRepetitionCount(i)).isZero();
        }
    }

    @Test
    void recordsThatDoNotFitGoToTheErrorOutputWithTheServicesEnvelope() throws IOException {
        FormatConversion.Converted converted = convert(config(TABLE, openX(""), parquet("")),
            "not json", "[1,2]", "{\"id\":\"abc\"}", "{\"small\":300}", "{\"tags\":\"x\"}", "{\"id\":1} {\"id\":2}",
            "{\"id\":1}");

        assertThat(ParquetReading.read(converted.body()).rows()).hasSize(1);
        assertThat(converted.failed()).hasSize(6).allSatisfy(failed ->
            assertThat(failed.errorOutputType()).isEqualTo("format-conversion-failed"));
        JsonNode envelope = JSON.readTree(converted.failed().get(2).envelope());
        assertThat(envelope.get("attemptsMade").asInt()).isEqualTo(1);
        assertThat(envelope.get("arrivalTimestamp").asLong()).isEqualTo(1000);
        assertThat(envelope.get("ErrorCode").asText()).isEqualTo("DataFormatConversion.MalformedData");
        assertThat(envelope.get("ErrorMessage").asText()).contains("column id");
        assertThat(envelope.get("attemptEndingTimestamp").asLong()).isEqualTo(CLOCK.millis());
        assertThat(Base64.getDecoder().decode(envelope.get("rawData").asText()))
            .isEqualTo("{\"id\":\"abc\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(envelope.get("dataCatalogTable").get("databaseName").asText()).isEqualTo("db");
        assertThat(envelope.get("dataCatalogTable").get("tableName").asText()).isEqualTo(TABLE);
    }

    @Test
    void envelopesOfKinesisSourceRecordsCarryTheirSequenceNumbers() throws IOException {
        SourceRecordMetadata source = new SourceRecordMetadata("arn:aws:kinesis:us-east-1:000000000000:stream/src",
            "shardId-000000000001", "pk", 900, "49650000000000000000000000000000000000000000000000000018", 2);
        List<DeliveryRecord> batch = List.of(
            new DeliveryRecord("k", 1000, "nope".getBytes(StandardCharsets.UTF_8), Map.of(), source),
            new DeliveryRecord("d", 1000, "nope".getBytes(StandardCharsets.UTF_8)));
        FormatConversion.Converted converted = ConversionConfiguration.from(config(TABLE, openX(""), parquet("")))
            .orElseThrow().convert(batch, CLOCK);

        JsonNode kinesis = JSON.readTree(converted.failed().get(0).envelope());
        assertThat(kinesis.get("sequenceNumber").asText()).isEqualTo(source.sequenceNumber());
        assertThat(kinesis.get("subSequenceNumber").isIntegralNumber()).isTrue();
        assertThat(kinesis.get("subSequenceNumber").asLong()).isEqualTo(2);
        JsonNode direct = JSON.readTree(converted.failed().get(1).envelope());
        assertThat(direct.has("sequenceNumber")).isFalse();
        assertThat(direct.has("subSequenceNumber")).isFalse();
    }

    @Test
    void noBodyWhenEveryRecordFails() {
        FormatConversion.Converted converted = convert(config(TABLE, openX(""), parquet("")), "x", "");
        assertThat(converted.body()).isNull();
        assertThat(converted.failed()).extracting(FailedRecord::errorOutputType).containsOnly("format-conversion-failed");
    }

    @Test
    void openXKeysMatchCaseInsensitivelyThroughMappingsAndDots() throws IOException {
        String table = "struct<id:int,a_b:string,ts:string>";
        Group row = only(convert(config(table,
            openX("\"ColumnToJsonKeyMappings\":{\"ts\":\"@timestamp\"},\"ConvertDotsInJsonKeysToUnderscores\":true"),
            parquet("")), "{\"ID\":1,\"a.b\":\"dots\",\"@timestamp\":\"t\"}"));
        assertThat(row.getInteger("id", 0)).isEqualTo(1);
        assertThat(row.getString("a_b", 0)).isEqualTo("dots");
        assertThat(row.getString("ts", 0)).isEqualTo("t");

        Group sensitive = only(convert(config(table, openX("\"CaseInsensitive\":false"), parquet("")),
            "{\"ID\":1,\"a.b\":\"x\"}"));
        assertThat(sensitive.getFieldRepetitionCount("id")).isZero();
        assertThat(sensitive.getFieldRepetitionCount("a_b")).isZero();
    }

    @Test
    void timestampsInTheOpenXForms() throws IOException {
        Instant expected = Instant.parse("2018-02-07T19:58:48Z");
        List<Group> rows = ParquetReading.read(convert(config("struct<ts:timestamp>", openX(""), parquet("")),
            "{\"ts\":\"2018-02-07T19:58:48Z\"}", "{\"ts\":\"2018-2-7 19:58:48.000\"}", "{\"ts\":1518033528}",
            "{\"ts\":1518033528000}", "{\"ts\":1518033528.0}", "{\"ts\":\"1518033528\"}").body()).rows();
        assertThat(rows).extracting(row -> ParquetReading.int96(row.getInt96("ts", 0))).containsOnly(expected);
    }

    @Test
    void timestampsInTheHiveFormats() throws IOException {
        String hive = "\"HiveJsonSerDe\":{\"TimestampFormats\":[\"millis\",\"yyyy/MM/dd HH:mm\"]}";
        FormatConversion.Converted converted = convert(config("struct<ts:timestamp>", hive, parquet("")),
            "{\"ts\":1518033480000}", "{\"ts\":\"2018/02/07 19:58\"}", "{\"ts\":\"2018-02-07 19:58:00\"}",
            "{\"ts\":\"7 Feb 2018\"}");
        assertThat(converted.failed()).hasSize(1);
        assertThat(ParquetReading.read(converted.body()).rows()).extracting(row -> ParquetReading.int96(row.getInt96("ts", 0)))
            .containsOnly(Instant.parse("2018-02-07T19:58:00Z"));
    }

    @Test
    void theParquetCodecIsTheSerializersCompression() throws IOException {
        for (String codec : List.of("UNCOMPRESSED", "SNAPPY", "GZIP")) {
            byte[] body = convert(config("struct<name:string>", openX(""), parquet("\"Compression\":\"" + codec + "\"")),
                "{\"name\":\"" + "v".repeat(200) + "\"}").body();
            ParquetReading.Read read = ParquetReading.read(body);
            assertThat(read.footer().getBlocks().get(0).getColumns().get(0).getCodec())
                .isEqualTo(CompressionCodecName.valueOf(codec));
            assertThat(read.rows().get(0).getString("name", 0)).hasSize(200);
        }
    }

    @Test
    void aGlueTableReferenceIsRefusedSayingThereIsNoCatalog() {
        assertThatThrownBy(() -> ConversionConfiguration.from(config("events", openX(""), parquet(""))))
            .isInstanceOf(DeliveryException.class)
            .hasMessageContaining("no AWS Glue Data Catalog").hasMessageContaining("db.events")
            .hasMessageContaining("struct<");
        assertThatThrownBy(() -> ConversionConfiguration.from(config("struct<a:blob>", openX(""), parquet(""))))
            .isInstanceOf(DeliveryException.class).hasMessageContaining("unknown or unsupported type 'blob'");
        assertThatThrownBy(() -> ConversionConfiguration.from(config("struct<a:int>", openX(""), parquet("\"Compression\":\"LZO\""))))
            .isInstanceOf(DeliveryException.class).hasMessageContaining("LZO");
        assertThatThrownBy(() -> ConversionConfiguration.from(json("{\"DataFormatConversionConfiguration\":{"
            + "\"SchemaConfiguration\":{\"TableName\":\"struct<a:int>\"},\"InputFormatConfiguration\":{\"Deserializer\":{"
            + openX("") + "}},\"OutputFormatConfiguration\":{\"Serializer\":{\"OrcSerDe\":{}}}}}")))
            .isInstanceOf(DeliveryException.class).hasMessageContaining("ORC");
    }

    @Test
    void aDisabledOrAbsentConversionIsNone() {
        assertThat(ConversionConfiguration.from(json("{}"))).isEmpty();
        assertThat(ConversionConfiguration.from(json("{\"DataFormatConversionConfiguration\":{\"Enabled\":false}}"))).isEmpty();
    }

    private static Group only(FormatConversion.Converted converted) throws IOException {
        assertThat(converted.failed()).isEmpty();
        List<Group> rows = ParquetReading.read(converted.body()).rows();
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    static FormatConversion.Converted convert(JsonNode configuration, String... records) {
        List<DeliveryRecord> batch = new ArrayList<>();
        for (int i = 0; i < records.length; i++) {
            batch.add(new DeliveryRecord("r" + i, 1000, records[i].getBytes(StandardCharsets.UTF_8)));
        }
        return ConversionConfiguration.from(configuration).orElseThrow().convert(batch, CLOCK);
    }

    static JsonNode config(String table, String deserializer, String parquet) {
        return json("{\"DataFormatConversionConfiguration\":{\"SchemaConfiguration\":{\"DatabaseName\":\"db\","
            + "\"TableName\":\"" + table + "\",\"RoleARN\":\"arn:aws:iam::000000000000:role/r\"},"
            + "\"InputFormatConfiguration\":{\"Deserializer\":{" + deserializer + "}},"
            + "\"OutputFormatConfiguration\":{\"Serializer\":{\"ParquetSerDe\":{" + parquet + "}}}}}");
    }

    static String openX(String members) {
        return "\"OpenXJsonSerDe\":{" + members + "}";
    }

    static String parquet(String members) {
        return members;
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
