package dev.freshet.delivery.destination.redshift;

import dev.freshet.delivery.DeliveryBatch;
import dev.freshet.delivery.DeliveryRecord;
import dev.freshet.delivery.DeliveryStreamSpec;
import dev.freshet.delivery.DestinationKind;
import dev.freshet.delivery.destination.DeliveryResult;
import dev.freshet.delivery.destination.DestinationMetrics;
import dev.freshet.delivery.destination.FailedRecord;
import dev.freshet.delivery.destination.FailureEnvelope;
import dev.freshet.delivery.destination.Destination;
import dev.freshet.delivery.destination.RetryClock;
import dev.freshet.delivery.s3.ObjectPutter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.zip.GZIPOutputStream;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Redshift-style delivery into PostgreSQL, the way the service loads Redshift: each batch is
 * staged as one object in the S3Configuration bucket ({@link StagedObjectKey}), then loaded with
 * one {@code COPY table (columns) FROM STDIN} whose input is that object's bytes
 * ({@link CopyInput}), in one transaction, through the PostgreSQL driver's CopyManager.
 *
 * <p>Failures: staging (and writing an error manifest) is retried until it succeeds or the stream
 * stops, as the service retries S3 for its whole retention. A failed COPY (connection, wrong
 * password, missing table, bad data…) is retried with backoff for RetryOptions.DurationInSeconds;
 * then the object is skipped: a Redshift manifest naming it
 * ({@code {"entries":[{"url":"s3://bucket/key","mandatory":true}]}}) is written to
 * {@code <Prefix>errors/manifests/…} for backfill, and every record of the batch comes back as a
 * {@link FailedRecord} of type {@link #ERROR_OUTPUT_TYPE} with the usual envelope (errorCode such
 * as {@code Redshift.AuthenticationFailed}). Those records are already in the error output (the
 * staged object plus its manifest): the engine counts them and must not write them again.
 *
 * <p>Called by one delivery thread at a time; holds no connection between batches.
 */
public final class RedshiftDestination implements Destination {

    /** errorOutputType of records whose object was skipped and listed in an error manifest. */
    public static final String ERROR_OUTPUT_TYPE = "errors/manifests";
    static final String METRIC_PREFIX = "DeliveryToRedshift";

    private static final Logger LOG = LoggerFactory.getLogger(RedshiftDestination.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final RedshiftSettings settings;
    private final ObjectPutter staging;
    private final DestinationMetrics metrics;
    private final Clock clock;

    RedshiftDestination(RedshiftSettings settings, ObjectPutter staging, DestinationMetrics metrics, Clock clock) {
        this.settings = settings;
        this.staging = staging;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * The destination for a stream whose kind is REDSHIFT.
     *
     * @param staging stores into the S3Configuration bucket (intermediate objects, error manifests),
     *     retrying until stored as S3 destinations do
     * @throws dev.freshet.delivery.DeliveryException INVALID_ARGUMENT for a configuration that cannot run here
     */
    public static RedshiftDestination from(DeliveryStreamSpec spec, ObjectPutter staging, DestinationMetrics metrics) {
        if (spec.destinationKind() != DestinationKind.REDSHIFT) {
            throw new IllegalArgumentException("not a Redshift stream: " + spec.destinationKind());
        }
        return new RedshiftDestination(RedshiftSettings.parse(spec.destinationConfiguration()), staging, metrics,
            Clock.systemUTC());
    }

    /** What the stream was configured with (the engine reads S3 backup and buffering from it). */
    public RedshiftSettings settings() {
        return settings;
    }

    @Override
    public DeliveryResult deliver(DeliveryBatch batch) throws InterruptedException {
        if (batch.records().isEmpty()) {
            return DeliveryResult.delivered();
        }
        StagedObjectKey key = StagedObjectKey.of(settings.prefix(), batch.stream(), batch.oldestArrivalMillis());
        byte[] staged = stage(batch.records());
        staging.put(settings.bucket(), key.objectKey(), staged);
        RetryClock retry = new RetryClock(clock, settings.retry(), FIRST_BACKOFF, MAX_BACKOFF);
        RedshiftErrors.Failure failure;
        do {
            retry.attempt();
            failure = copy(staged);
            boolean copied = failure == null;
            metrics.attempt(METRIC_PREFIX, copied, copied ? batch.records().size() : 0, copied ? batch.dataBytes() : 0);
            if (copied) {
                return DeliveryResult.delivered();
            }
            LOG.warn("COPY of s3://{}/{} into {} failed (attempt {}): {} {}", settings.bucket(), key.objectKey(),
                settings.table(), retry.attempts(), failure.code(), failure.message());
        } while (retry.awaitRetry());
        staging.put(settings.bucket(), key.errorManifestKey(), manifest(key.objectKey()));
        return new DeliveryResult(failed(batch.records(), retry, failure));
    }

    private byte[] stage(List<DeliveryRecord> records) {
        ByteArrayOutputStream object = new ByteArrayOutputStream();
        try (var out = settings.gzip() ? new GZIPOutputStream(object) : object) {
            for (DeliveryRecord record : records) {
                out.write(record.data());
            }
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        return object.toByteArray();
    }

    /** Runs the COPY once; null when it committed, else why not. */
    private RedshiftErrors.Failure copy(byte[] staged) {
        Properties login = new Properties();
        login.setProperty("user", settings.username());
        login.setProperty("password", settings.password());
        login.setProperty("connectTimeout", "10");
        // a COPY that hangs (server gone without a reset) must end so the retry window can run
        login.setProperty("socketTimeout", "300");
        login.setProperty("ApplicationName", "freshet-delivery");
        try (Connection connection = DriverManager.getConnection(settings.jdbcUrl(), login)) {
            List<String> columns = columnsFor(connection);
            byte[] input = CopyInput.prepare(staged, settings.gzip(), settings.copy(), columns);
            String sql = settings.copy().sql(settings.table(), columns);
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new ByteArrayInputStream(input));
            return null;
        } catch (SQLException e) {
            return RedshiftErrors.of(e);
        } catch (CopyDataException e) {
            return RedshiftErrors.dataLoadFailed(": " + e.getMessage());
        } catch (IOException e) {
            return RedshiftErrors.connectionFailed(": " + e.getMessage());
        }
    }

    /** The configured columns, or for JSON 'auto' without them the table's columns in order. */
    private List<String> columnsFor(Connection connection) throws SQLException {
        if (!settings.columns().isEmpty() || !settings.copy().format().json()) {
            return settings.columns();
        }
        try (Statement statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT * FROM " + settings.table() + " WHERE false")) {
            ResultSetMetaData meta = rows.getMetaData();
            List<String> columns = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columns.add('"' + meta.getColumnName(i).replace("\"", "\"\"") + '"');
            }
            return columns;
        }
    }

    private byte[] manifest(String objectKey) {
        String url = "s3://" + settings.bucket() + "/" + objectKey;
        return ("{\"entries\":[{\"url\":\"" + url.replace("\\", "\\\\").replace("\"", "\\\"") + "\",\"mandatory\":true}]}")
            .getBytes(StandardCharsets.UTF_8);
    }

    private List<FailedRecord> failed(List<DeliveryRecord> records, RetryClock retry, RedshiftErrors.Failure failure) {
        long end = retry.nowMillis();
        List<FailedRecord> failed = new ArrayList<>(records.size());
        for (DeliveryRecord record : records) {
            byte[] envelope = FailureEnvelope.toBytes(
                FailureEnvelope.of(record, retry.attempts(), failure.code(), failure.message(), end));
            failed.add(new FailedRecord(record, ERROR_OUTPUT_TYPE, envelope));
        }
        return failed;
    }

    @Override
    public void close() {
        // no connection is held between batches
    }
}
