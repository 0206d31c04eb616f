package dev.freshet.delivery.destination.redshift;

import dev.freshet.delivery.destination.RetryPolicy;
import dev.freshet.delivery.destination.StreamHealth;
import dev.freshet.delivery.s3.ObjectPutter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.freshet.delivery.DeliveryBatch;
import dev.freshet.delivery.DeliveryRecord;
import dev.freshet.delivery.DeliveryStreamRef;
import dev.freshet.delivery.DeliveryStreamSpec;
import dev.freshet.delivery.DeliverySource;
import dev.freshet.delivery.DestinationKind;
import dev.freshet.delivery.destination.DeliveryResult;
import dev.freshet.delivery.destination.FailedRecord;
import dev.freshet.delivery.fixtures.MemoryObjectStore;
import dev.freshet.delivery.fixtures.PostgresServer;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Redshift-style delivery against a real PostgreSQL 15 (one server for the class). */
class RedshiftDestinationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long ARRIVAL = 1_456_405_200_000L; // 2016-02-25T13:00:00Z
    private static PostgresServer postgres;

    private final MemoryObjectStore store = new MemoryObjectStore();
    private final Map<String, Long> metrics = new ConcurrentHashMap<>();

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = PostgresServer.start();
        postgres.execute("CREATE DATABASE warehouse");
        postgres.createUser("firehose", "right-password");
        postgres.execute("ALTER DATABASE warehouse OWNER TO firehose");
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void csvRecordsAreStagedThenCopiedIntoTheTable() throws Exception {
        sql("CREATE TABLE csv_events (id int, name text)");
        RedshiftDestination destination = destination("csv_events", "id, name", "CSV", "UNCOMPRESSED", "right-password", 60);

        DeliveryResult result = destination.deliver(batch("1,alpha\n", "2,\"be,ta\"\n", "3,\n"));

        assertThat(result.allDelivered()).isTrue();
        assertThat(rows("SELECT id, name FROM csv_events ORDER BY id")).containsExactly("1|alpha", "2|be,ta", "3|null");
        Map<String, byte[]> staged = store.under("staging/redshift/2016/02/25/13/orders-1-2016-02-25-13-00-00-");
        assertThat(staged).hasSize(1);
        assertThat(new String(staged.values().iterator().next(), StandardCharsets.UTF_8))
            .isEqualTo("1,alpha\n2,\"be,ta\"\n3,\n");
        assertThat(metrics).containsEntry("DeliveryToRedshift.Records", 3L).containsEntry("DeliveryToRedshift.Success", 1L);
    }

    @Test
    void defaultTextFormatUsesPipesAndKeepsBackslashesAsData() throws Exception {
        sql("CREATE TABLE text_events (id int, path text)");
        RedshiftDestination destination = destination("text_events", "id,path", "", "UNCOMPRESSED", "right-password", 60);

        assertThat(destination.deliver(batch("1|C:\\temp\n", "2|\\N\n")).allDelivered()).isTrue();

        assertThat(rows("SELECT id, path FROM text_events ORDER BY id")).containsExactly("1|C:\\temp", "2|null");
    }

    @Test
    void gzippedJsonAutoMatchesKeysToAllColumnsOfTheTable() throws Exception {
        sql("CREATE TABLE json_events (id int, name text, tags jsonb)");
        RedshiftDestination destination = destination("json_events", null, "JSON 'auto' GZIP", "GZIP", "right-password", 60);

        DeliveryResult result = destination.deliver(batch(
            "{\"id\":1,\"name\":\"a\\\"b\",\"tags\":[\"x\"]}", "{\"id\":2,\"Name\":\"ignored\",\"extra\":true}\n"));

        assertThat(result.allDelivered()).isTrue();
        assertThat(rows("SELECT id, name, tags::text FROM json_events ORDER BY id")).containsExactly("1|a\"b|[\"x\"]", "2|null|null");
        byte[] staged = store.under("staging/redshift/").values().iterator().next();
        assertThat(new GZIPInputStream(new ByteArrayInputStream(staged)).readAllBytes()).asString(StandardCharsets.UTF_8)
            .startsWith("{\"id\":1");
    }

    @Test
    void jsonNoshredLoadsWholeDocumentsIntoOneColumn() throws Exception {
        sql("CREATE TABLE documents (doc jsonb)");
        RedshiftDestination destination = destination("documents", "doc", "JSON 'noshred'", "UNCOMPRESSED", "right-password", 60);

        assertThat(destination.deliver(batch("{\"a\":{\"b\":[1,2]}}", " {\"c\":\"d,e\"}")).allDelivered()).isTrue();

        assertThat(rows("SELECT doc::text FROM documents ORDER BY doc::text"))
            .containsExactly("{\"a\": {\"b\": [1, 2]}}", "{\"c\": \"d,e\"}");
    }

    @Test
    void badDataIsRetriedForTheRetryTimeThenSkippedToAnErrorManifest() throws Exception {
        sql("CREATE TABLE typed (id int)");
        RedshiftDestination destination = destination("typed", "id", "CSV", "UNCOMPRESSED", "right-password", 1);

        DeliveryResult result = destination.deliver(batch("1\n", "not-a-number\n"));

        assertThat(result.failed()).hasSize(2).allSatisfy(f -> assertThat(f.errorOutputType()).isEqualTo("errors/manifests"));
        JsonNode envelope = JSON.readTree(result.failed().get(1).envelope());
        assertThat(envelope.get("errorCode").asText()).isEqualTo("Redshift.DataLoadFailed");
        assertThat(envelope.get("attemptsMade").asInt()).isGreaterThan(1);
        assertThat(envelope.get("arrivalTimestamp").asLong()).isEqualTo(ARRIVAL + 1);
        assertThat(Base64.getDecoder().decode(envelope.get("rawData").asText())).asString().isEqualTo("not-a-number\n");
        assertThat(rows("SELECT id FROM typed")).isEmpty();
        Map<String, byte[]> manifests = store.under("staging/redshift/errors/manifests/2016/02/25/13/orders-1-");
        assertThat(manifests).hasSize(1);
        String stagedKey = store.under("staging/redshift/2016/").keySet().iterator().next();
        assertThat(JSON.readTree(manifests.values().iterator().next()).at("/entries/0/url").asText())
            .isEqualTo("s3://" + stagedKey);
        assertThat(metrics).containsEntry("DeliveryToRedshift.Success", 0L);
    }

    @Test
    void aWrongPasswordIsAnAuthenticationFailureRetriedThenReported() throws Exception {
        sql("CREATE TABLE secured (id int)");
        RedshiftDestination destination = destination("secured", "id", "CSV", "UNCOMPRESSED", "wrong-password", 1);

        List<FailedRecord> failed = destination.deliver(batch("1\n")).failed();

        JsonNode envelope = JSON.readTree(failed.get(0).envelope());
        assertThat(envelope.get("errorCode").asText()).isEqualTo("Redshift.AuthenticationFailed");
        assertThat(envelope.get("errorMessage").asText()).contains("password authentication failed for user \"firehose\"");
        assertThat(envelope.get("attemptsMade").asInt()).isGreaterThan(1);
    }

    @Test
    void aMissingTableIsReportedByName() throws Exception {
        RedshiftDestination destination = destination("no_such_table", "id", "CSV", "UNCOMPRESSED", "right-password", 0);

        JsonNode envelope = JSON.readTree(destination.deliver(batch("1\n")).failed().get(0).envelope());

        assertThat(envelope.get("errorCode").asText()).isEqualTo("Redshift.TableNotFound");
        assertThat(envelope.get("attemptsMade").asInt()).isEqualTo(1);
    }

    private RedshiftDestination destination(String table, String columns, String options, String compression, String password,
            int retrySeconds) {
        ObjectNode config = RedshiftSettingsTest.config(options, compression);
        config.put("ClusterJDBCURL", postgres.jdbcUrl("warehouse"));
        config.put("Password", password);
        ((ObjectNode) config.get("CopyCommand")).put("DataTableName", table);
        if (columns == null) {
            ((ObjectNode) config.get("CopyCommand")).remove("DataTableColumns");
        } else {
            ((ObjectNode) config.get("CopyCommand")).put("DataTableColumns", columns);
        }
        config.putObject("RetryOptions").put("DurationInSeconds", retrySeconds);
        DeliveryStreamSpec spec = new DeliveryStreamSpec(stream(), new DeliverySource.DirectPut(), DestinationKind.REDSHIFT, config);
        return RedshiftDestination.from(spec, new ObjectPutter(store, RetryPolicy.DEFAULT, StreamHealth.NONE),
            (name, amount) -> metrics.merge(name, amount, Long::sum));
    }

    private static DeliveryStreamRef stream() {
        return new DeliveryStreamRef("orders", "arn:aws:firehose:us-east-1:000000000000:deliverystream/orders", "us-east-1", 1);
    }

    private static DeliveryBatch batch(String... records) {
        List<DeliveryRecord> list = new ArrayList<>();
        for (int i = 0; i < records.length; i++) {
            list.add(new DeliveryRecord("r" + i, ARRIVAL + i, records[i].getBytes(StandardCharsets.UTF_8)));
        }
        return new DeliveryBatch(stream(), list);
    }

    private static void sql(String statement) throws Exception {
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl("warehouse"), "firehose", "right-password");
             Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    private static List<String> rows(String query) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl("warehouse"), "firehose", "right-password");
             Statement s = c.createStatement(); ResultSet r = s.executeQuery(query)) {
            int columns = r.getMetaData().getColumnCount();
            while (r.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    values.add(String.valueOf(r.getString(i)));
                }
                rows.add(String.join("|", values));
            }
        }
        return rows;
    }
}
