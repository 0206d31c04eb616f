package dev.freshet.tests.firehose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.freshet.delivery.fixtures.PostgresServer;
import dev.freshet.tests.harness.FreshetServer;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.firehose.model.CompressionFormat;
import software.amazon.awssdk.services.firehose.model.Record;

/**
 * Redshift-style delivery, end to end: records put through the SDK are staged in the intermediate bucket
 * ({@code <data-dir>/s3/<bucket>}) and COPYed into a real PostgreSQL 15 standing in for the cluster; the table's
 * rows are the records sent. One PostgreSQL for the class.
 */
class FirehoseRedshiftDeliveryTest {

    private static final Duration DELIVERED = Duration.ofSeconds(60);

    @RegisterExtension
    static final FreshetServer server = new FreshetServer();
    static PostgresServer postgres;
    static FirehoseClient firehose;
    static Path dataDir;

    @BeforeAll
    static void start() throws Exception {
        dataDir = server.process().dataDir(); // reads the staging objects: skipped against an external server
        postgres = PostgresServer.start();
        postgres.execute("CREATE DATABASE warehouse");
        postgres.createUser("firehose", "load-password");
        postgres.execute("ALTER DATABASE warehouse OWNER TO firehose");
        firehose = Firehoses.client(server.endpoint());
    }

    @AfterAll
    static void stop() throws Exception {
        if (firehose != null) {
            firehose.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void csvRecordsStagedGzippedBecomeTheTablesRows() throws Exception {
        sql("CREATE TABLE orders (id int, item text, note text)");
        create("to-orders", "orders", "id,item,note", "CSV GZIP", CompressionFormat.GZIP);
        List<String> sent = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            sent.add(i + ",item-" + i + ",\"quoted, with comma\"\n");
            expected.add(i + "|item-" + i + "|quoted, with comma");
        }
        put("to-orders", sent);

        await("all rows loaded").atMost(DELIVERED).until(() -> rows("SELECT count(*) FROM orders").get(0).equals("40"));
        assertThat(rows("SELECT id, item, note FROM orders ORDER BY id")).containsExactlyElementsOf(expected);
        // intermediate objects are named as the service names them, without an extension, and gzipped
        List<String> staged = DeliveredObjects.keys(dataDir, "orders-staging", "stage/");
        assertThat(staged).isNotEmpty().allSatisfy(key -> assertThat(key)
            .matches("stage/\\d{4}/\\d{2}/\\d{2}/\\d{2}/to-orders-1-\\d{4}(-\\d{2}){5}-[0-9a-f-]{36}"));
        StringBuilder stagedContent = new StringBuilder();
        for (String key : staged) {
            byte[] object = Files.readAllBytes(dataDir.resolve("s3").resolve("orders-staging").resolve(key));
            try (GZIPInputStream gunzip = new GZIPInputStream(new ByteArrayInputStream(object))) {
                stagedContent.append(new String(gunzip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertThat(stagedContent.toString().lines().sorted().toList())
            .isEqualTo(sent.stream().map(String::strip).sorted().toList());
    }

    @Test
    void jsonAutoRecordsMatchTheirKeysToTheColumns() throws Exception {
        sql("CREATE TABLE events (id int, kind text, payload jsonb)");
        create("to-events", "events", null, "JSON 'auto'", CompressionFormat.UNCOMPRESSED);
        List<String> sent = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= 25; i++) {
            sent.add("{\"id\":" + i + ",\"kind\":\"k" + (i % 3) + "\",\"payload\":{\"v\":" + i + "}}");
            expected.add(i + "|k" + (i % 3) + "|{\"v\": " + i + "}");
        }
        put("to-events", sent);

        await("all rows loaded").atMost(DELIVERED).until(() -> rows("SELECT count(*) FROM events").get(0).equals("25"));
        assertThat(rows("SELECT id, kind, payload::text FROM events ORDER BY id")).containsExactlyElementsOf(expected);
    }

    private static void create(String name, String table, String columns, String copyOptions,
            CompressionFormat compression) {
        String bucket = table + "-staging";
        firehose.createDeliveryStream(r -> r.deliveryStreamName(name).redshiftDestinationConfiguration(c -> c
            .roleARN(Firehoses.ROLE)
            // the Redshift form: read as the PostgreSQL database at the same host, port and name
            .clusterJDBCURL("jdbc:redshift://127.0.0.1:" + postgres.port() + "/warehouse")
            .username("firehose").password("load-password")
            .copyCommand(copy -> copy.dataTableName(table).dataTableColumns(columns).copyOptions(copyOptions))
            .retryOptions(retry -> retry.durationInSeconds(60))
            .s3Configuration(s3 -> s3.roleARN(Firehoses.ROLE).bucketARN("arn:aws:s3:::" + bucket).prefix("stage/")
                .compressionFormat(compression).bufferingHints(Firehoses.hints(1, 0)))));
    }

    private static void put(String stream, List<String> records) {
        List<Record> batch = records.stream().map(r -> Record.builder().data(SdkBytes.fromUtf8String(r)).build()).toList();
        assertThat(firehose.putRecordBatch(r -> r.deliveryStreamName(stream).records(batch)).failedPutCount()).isZero();
    }

    private static void sql(String statement) throws SQLException {
        try (Connection connection = warehouse(); Statement s = connection.createStatement()) {
            s.execute(statement);
        }
    }

    /** The rows of a query, columns joined with '|' (null as "null"). */
    private static List<String> rows(String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = warehouse(); Statement s = connection.createStatement();
             ResultSet result = s.executeQuery(query)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<String> values = new ArrayList<>();
                for (int c = 1; c <= columns; c++) {
                    values.add(String.valueOf(result.getString(c)));
                }
                rows.add(String.join("|", values));
            }
        }
        return rows;
    }

    private static Connection warehouse() throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl("warehouse"), "firehose", "load-password");
    }
}
