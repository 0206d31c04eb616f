package dev.freshet.delivery.destination.redshift;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.freshet.delivery.DeliveryException;
import dev.freshet.delivery.destination.ConfigFields;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A RedshiftDestinationConfiguration read into what the PostgreSQL stand-in needs.
 *
 * <p>ClusterJDBCURL: {@code jdbc:postgresql://…} is used as given; {@code jdbc:redshift://host:port/db[?…]}
 * is read as the PostgreSQL database {@code jdbc:postgresql://host:port/db} (query parameters
 * dropped: they are Redshift driver settings), because Redshift speaks the PostgreSQL protocol and
 * here a PostgreSQL server stands in for the cluster. Username/Password log in (SecretsManager is
 * not available here and is refused).
 *
 * @param jdbcUrl the PostgreSQL JDBC URL
 * @param table CopyCommand.DataTableName, possibly schema-qualified, used verbatim in SQL
 * @param columns CopyCommand.DataTableColumns split on commas, trimmed; empty means all columns
 * @param copy CopyCommand.CopyOptions translated to PostgreSQL
 * @param retry RetryOptions.DurationInSeconds (0–7200, default 3600)
 * @param bucket the intermediate S3Configuration bucket
 * @param prefix S3Configuration.Prefix (no expressions allowed for Redshift), "" when absent
 * @param gzip S3Configuration.CompressionFormat is GZIP (UNCOMPRESSED otherwise)
 * @param sourceBackup S3BackupMode Enabled: the engine backs the source records up to
 *     S3BackupConfiguration, as for the other destinations (Disabled, the default, otherwise)
 */
public record RedshiftSettings(String jdbcUrl, String username, String password, String table, List<String> columns,
        PostgresCopy copy, Duration retry, String bucket, String prefix, boolean gzip, boolean sourceBackup) {

    static final String PATH = "RedshiftDestinationConfiguration";
    /** A SQL identifier: plain, or double-quoted with {@code ""} for a quote. */
    private static final String IDENTIFIER = "(?:[A-Za-z_][A-Za-z0-9_$]*|\"(?:[^\"]|\"\")+\")";
    private static final Pattern TABLE = Pattern.compile(IDENTIFIER + "(?:\\." + IDENTIFIER + "){0,2}");
    private static final Pattern COLUMN = Pattern.compile(IDENTIFIER);
    private static final Pattern REDSHIFT_URL = Pattern.compile("jdbc:redshift://([^/?#]+)/([^/?#;]+)(?:[?;].*)?");

    public RedshiftSettings {
        columns = List.copyOf(columns);
    }

    @Override
    public String toString() {
        return "RedshiftSettings[" + jdbcUrl + ", user " + username + ", table " + table + "]";
    }

    public static RedshiftSettings parse(ObjectNode config) {
        JsonNode secrets = config.get("SecretsManagerConfiguration");
        if (secrets != null && secrets.path("Enabled").asBoolean(false)) {
            throw DeliveryException.invalidArgument(PATH + ".SecretsManagerConfiguration is not supported here: give Username and Password");
        }
        String url = postgresUrl(ConfigFields.requiredText(config, PATH, "ClusterJDBCURL"));
        String username = ConfigFields.requiredText(config, PATH, "Username");
        String password = ConfigFields.requiredText(config, PATH, "Password");
        JsonNode copyCommand = config.get("CopyCommand");
        String path = PATH + ".CopyCommand";
        if (copyCommand == null || !copyCommand.isObject()) {
            throw DeliveryException.invalidArgument(path + " is required");
        }
        // names go into the COPY statement as written: only identifiers, never other SQL
        String table = ConfigFields.requiredText(copyCommand, path, "DataTableName");
        if (!TABLE.matcher(table).matches()) {
            throw DeliveryException.invalidArgument(path + ".DataTableName must be a table name ([schema.]table), was " + table);
        }
        List<String> columns = columns(ConfigFields.text(copyCommand, "DataTableColumns"));
        for (String column : columns) {
            if (!COLUMN.matcher(column).matches()) {
                throw DeliveryException.invalidArgument(path + ".DataTableColumns must be column names separated by commas, "
                    + "found " + column);
            }
        }
        JsonNode s3 = config.get("S3Configuration");
        String s3Path = PATH + ".S3Configuration";
        if (s3 == null || !s3.isObject()) {
            throw DeliveryException.invalidArgument(s3Path + " is required");
        }
        String bucket = ConfigFields.bucketName(ConfigFields.requiredText(s3, s3Path, "BucketARN"), s3Path);
        String prefix = prefix(s3, s3Path);
        boolean gzip = gzip(ConfigFields.text(s3, "CompressionFormat"), s3Path);
        PostgresCopy copy = RedshiftCopyOptions.translate(ConfigFields.text(copyCommand, "CopyOptions"), columns, gzip);
        int retrySeconds = ConfigFields.intIn(config.get("RetryOptions"), PATH + ".RetryOptions", "DurationInSeconds", 0, 7200, 3600);
        boolean backup = sourceBackup(ConfigFields.text(config, "S3BackupMode"));
        return new RedshiftSettings(url, username, password, table, columns, copy, Duration.ofSeconds(retrySeconds), bucket,
            prefix, gzip, backup);
    }

    /** The PostgreSQL JDBC URL for a ClusterJDBCURL (see the class comment). */
    static String postgresUrl(String clusterUrl) {
        if (clusterUrl.startsWith("jdbc:postgresql://")) {
            return clusterUrl;
        }
        Matcher m = REDSHIFT_URL.matcher(clusterUrl);
        if (!m.matches()) {
            throw DeliveryException.invalidArgument(PATH + ".ClusterJDBCURL must be jdbc:redshift://host:port/database or "
                + "jdbc:postgresql://host:port/database, was " + clusterUrl);
        }
        return "jdbc:postgresql://" + m.group(1) + "/" + m.group(2);
    }

    private static boolean sourceBackup(String mode) {
        if (mode == null || mode.equals("Disabled")) {
            return false;
        }
        if (mode.equals("Enabled")) {
            return true;
        }
        throw DeliveryException.invalidArgument(PATH + ".S3BackupMode must be Disabled or Enabled, was " + mode);
    }

    private static List<String> columns(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return List.of(text.split(",")).stream().map(String::trim).filter(c -> !c.isEmpty()).toList();
    }

    private static String prefix(JsonNode s3, String path) {
        String prefix = ConfigFields.text(s3, "Prefix");
        if (prefix != null && prefix.contains("!{")) {
            throw DeliveryException.invalidArgument(path + ".Prefix must not contain expressions for a Redshift destination");
        }
        if (ConfigFields.text(s3, "ErrorOutputPrefix") != null) {
            throw DeliveryException.invalidArgument(path + ".ErrorOutputPrefix must be null for a Redshift destination");
        }
        return prefix == null ? "" : prefix;
    }

    private static boolean gzip(String compression, String path) {
        if (compression == null || compression.equals("UNCOMPRESSED")) {
            return false;
        }
        if (compression.equals("GZIP")) {
            return true;
        }
        throw DeliveryException.invalidArgument(path + ".CompressionFormat " + compression
            + " is not supported for Redshift destinations (UNCOMPRESSED or GZIP): COPY cannot read it");
    }
}
