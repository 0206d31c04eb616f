package dev.freshet.delivery.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.freshet.delivery.DeliveryException;
import dev.freshet.delivery.convert.ParquetReading;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.example.data.Group;
import org.junit.jupiter.api.Test;

/** DirectPut through the engine to Extended S3 with record format conversion: Parquet objects, failures in the error output. */
class FormatConversionEngineTest extends EngineFixture {

    private static final String CONVERSION = ",\"CompressionFormat\":\"UNCOMPRESSED\",\"DataFormatConversionConfiguration\":{"
        + "\"SchemaConfiguration\":{\"DatabaseName\":\"web\",\"TableName\":\"struct<id:bigint,page:string,ms:double>\","
        + "\"RoleARN\":\"arn:aws:iam::000000000000:role/firehose\"},"
        + "\"InputFormatConfiguration\":{\"Deserializer\":{\"OpenXJsonSerDe\":{}}},"
        + "\"OutputFormatConfiguration\":{\"Serializer\":{\"ParquetSerDe\":{\"Compression\":\"SNAPPY\"}}}}";

    @Test
    void directPutRecordsArriveAsOneParquetObjectAndBadOnesInTheErrorOutput() throws Exception {
        engine.run(spec("pq", 1, s3(hints(64, 1) + CONVERSION)));
        List<byte[]> records = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            records.add(("{\"id\":" + i + ",\"page\":\"/p/" + i + "\",\"ms\":" + i + ".5}\n").getBytes(StandardCharsets.UTF_8));
        }
        records.add("{\"id\":\"not a number\"}".getBytes(StandardCharsets.UTF_8));
        engine.put("pq", records).get();

        await().atMost(Duration.ofSeconds(30)).until(() -> store.in("bucket").size() == 2);
        RecordingStore.Stored parquet = store.in("bucket").stream()
            .filter(o -> o.key().endsWith(".parquet")).findFirst().orElseThrow();
        assertThat(parquet.key()).matches("\\d{4}/\\d{2}/\\d{2}/\\d{2}/pq-1-.*\\.parquet");
        List<Group> rows = ParquetReading.read(Files.readAllBytes(dir.resolve("s3/bucket").resolve(parquet.key()))).rows();
        assertThat(rows).hasSize(50);
        assertThat(rows.get(49).getLong("id", 0)).isEqualTo(49);
        assertThat(rows.get(49).getString("page", 0)).isEqualTo("/p/49");

        RecordingStore.Stored error = store.in("bucket").stream()
            .filter(o -> o.key().startsWith("format-conversion-failed/")).findFirst().orElseThrow();
        JsonNode envelope = JSON.readTree(Files.readAllBytes(dir.resolve("s3/bucket").resolve(error.key())));
        assertThat(envelope.get("ErrorCode").asText()).isEqualTo("DataFormatConversion.MalformedData");
        assertThat(envelope.get("dataCatalogTable").get("databaseName").asText()).isEqualTo("web");
        await().atMost(Duration.ofSeconds(10)).until(() -> checkpoint("pq") == 51);
    }

    @Test
    void aGlueTableReferenceIsRefusedAtCreation() {
        String glue = CONVERSION.replace("struct<id:bigint,page:string,ms:double>", "clicks");
        assertThatThrownBy(() -> engine.run(spec("glue", 1, s3(hints(64, 1) + glue))))
            .isInstanceOf(DeliveryException.class).hasMessageContaining("no AWS Glue Data Catalog");
    }
}
