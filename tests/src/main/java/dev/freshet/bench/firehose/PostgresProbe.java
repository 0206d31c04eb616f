package dev.freshet.bench.firehose;

import software.amazon.awssdk.services.firehose.model.CreateDeliveryStreamRequest;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * PostgreSQL standing in for Redshift: the stream stages each batch in the server's S3 and COPYs
 * it into a table of one text column (the stamped record, its newline the row's end; the default
 * delimiter {@code |} never occurs in it) beside a {@code bigserial} id. The generator selects the
 * rows past the last id it saw every 20 ms. Visible = the COPY committed and the row was selected.
 *
 * <p>Ids are taken as rows are inserted, so a later transaction's rows could carry lower ids than
 * a committed one's; Freshet runs one COPY at a time per stream, so the rows appear in id order.
 *
 * <p>{@link #watch} on one thread; {@link #close} from any.
 */
final class PostgresProbe extends PollingProbe {

    private static final String TABLE = "bench_records";

    private final String jdbcUrl;
    private final String bucket;
    private final Connection connection;
    private final PreparedStatement next;
    private long lastId;

    PostgresProbe(DeliveryLoadGenerator.Options options) throws SQLException {
        super(Duration.ofMillis(20));
        if (options.jdbcUrl() == null) {
            throw new IllegalArgumentException("--destination postgres needs --jdbc-url");
        }
        this.jdbcUrl = options.jdbcUrl();
        this.bucket = "bench-" + options.label() + "-staging";
        this.connection = DriverManager.getConnection(jdbcUrl, "postgres", "");
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + TABLE);
            statement.execute("CREATE TABLE " + TABLE + " (id bigserial PRIMARY KEY, line text NOT NULL)");
        }
        this.next = connection.prepareStatement("SELECT id, line FROM " + TABLE + " WHERE id > ? ORDER BY id LIMIT 20000");
    }

    @Override
    public void configure(CreateDeliveryStreamRequest.Builder request, DeliveryLoadGenerator.Options options) {
        request.redshiftDestinationConfiguration(r -> r.roleARN(DestinationProbes.ROLE)
            .clusterJDBCURL(jdbcUrl).username("postgres").password("bench-unused")
            .copyCommand(copy -> copy.dataTableName(TABLE).dataTableColumns("line")
                .copyOptions("GZIP".equals(options.compression()) ? "GZIP" : null))
            .retryOptions(retry -> retry.durationInSeconds(60))
            .s3Configuration(s3 -> s3.roleARN(DestinationProbes.ROLE).bucketARN(DestinationProbes.bucketArn(bucket))
                .compressionFormat(options.compression())
                .bufferingHints(h -> h.sizeInMBs(options.sizeMb()).intervalInSeconds(options.interval()))));
    }

    @Override
    void poll(DeliveredRecords delivered) throws SQLException {
        int rows;
        do {
            rows = 0;
            next.setLong(1, lastId);
            try (ResultSet result = next.executeQuery()) {
                long visible = Clock.nowMicros();
                while (result.next()) {
                    rows++;
                    lastId = result.getLong(1);
                    byte[] line = result.getString(2).getBytes(StandardCharsets.US_ASCII);
                    // the row is the record without its newline
                    delivered.record(StampedRecords.serial(line, 0), StampedRecords.sentMicros(line, 0), line.length + 1,
                        visible);
                }
            }
        } while (rows == 20000);
    }

    @Override
    public String visibility() {
        return "row committed by COPY and selected over JDBC (polled every 20 ms)";
    }
}
