package dev.freshet.delivery.destination.redshift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.freshet.delivery.DeliveryErrorType;
import dev.freshet.delivery.DeliveryException;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class RedshiftSettingsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static ObjectNode config(String copyOptions, String compression) {
        ObjectNode config = JSON.createObjectNode();
        config.put("RoleARN", "arn:aws:iam::123456789012:role/firehose");
        config.put("ClusterJDBCURL", "jdbc:redshift://cluster.abc.us-east-1.redshift.amazonaws.com:5439/dev");
        config.put("Username", "firehose");
        config.put("Password", "secret-password");
        ObjectNode copy = config.putObject("CopyCommand");
        copy.put("DataTableName", "events");
        copy.put("DataTableColumns", "id, name");
        if (copyOptions != null) {
            copy.put("CopyOptions", copyOptions);
        }
        ObjectNode s3 = config.putObject("S3Configuration");
        s3.put("RoleARN", "arn:aws:iam::123456789012:role/firehose");
        s3.put("BucketARN", "arn:aws:s3:::staging");
        s3.put("Prefix", "redshift/");
        s3.put("CompressionFormat", compression);
        return config;
    }

    @Test
    void redshiftUrlsAreReadAsThePostgresDatabaseOfTheSameHostPortAndName() {
        assertThat(RedshiftSettings.postgresUrl("jdbc:redshift://c.x.redshift.amazonaws.com:5439/dev?ssl=true"))
            .isEqualTo("jdbc:postgresql://c.x.redshift.amazonaws.com:5439/dev");
        assertThat(RedshiftSettings.postgresUrl("jdbc:postgresql://127.0.0.1:5432/db")).isEqualTo("jdbc:postgresql://127.0.0.1:5432/db");
        assertThatThrownBy(() -> RedshiftSettings.postgresUrl("jdbc:mysql://h/db")).isInstanceOf(DeliveryException.class)
            .extracting(e -> ((DeliveryException) e).type()).isEqualTo(DeliveryErrorType.INVALID_ARGUMENT);
    }

    @Test
    void defaultsAreTheServiceDefaults() {
        RedshiftSettings settings = RedshiftSettings.parse(config(null, "UNCOMPRESSED"));
        assertThat(settings.retry()).isEqualTo(Duration.ofSeconds(3600));
        assertThat(settings.columns()).containsExactly("id", "name");
        assertThat(settings.bucket()).isEqualTo("staging");
        assertThat(settings.copy().sql("events", settings.columns()))
            .isEqualTo("COPY events (id, name) FROM STDIN WITH (FORMAT text, DELIMITER '|', NULL '\\\\N')");
        assertThat(settings.toString()).doesNotContain("secret-password");
    }

    @Test
    void csvOptionsTranslate() {
        PostgresCopy copy = RedshiftCopyOptions.translate("CSV QUOTE AS '''' DELIMITER AS '\\t' NULL AS 'nil' GZIP", List.of(), true);
        assertThat(copy.sql("t", List.of()))
            .isEqualTo("COPY t FROM STDIN WITH (FORMAT csv, DELIMITER '\t', QUOTE '''', NULL 'nil')");
        assertThat(RedshiftCopyOptions.translate("format as json 'auto ignorecase' timeformat 'auto' compupdate off region 'eu-west-1'",
            List.of(), false).format()).isEqualTo(PostgresCopy.Format.JSON_AUTO_IGNORECASE);
    }

    @Test
    void optionsWithoutAnEquivalentAreRefusedAtConfigurationTime() {
        assertThatThrownBy(() -> RedshiftCopyOptions.translate("CSV MAXERROR 10", List.of(), false))
            .hasMessageContaining("MAXERROR");
        assertThatThrownBy(() -> RedshiftCopyOptions.translate("JSON 's3://bucket/jsonpaths.json'", List.of(), false))
            .hasMessageContaining("jsonpaths");
        assertThatThrownBy(() -> RedshiftCopyOptions.translate("GZIP", List.of(), false)).hasMessageContaining("CompressionFormat");
        assertThatThrownBy(() -> RedshiftCopyOptions.translate("", List.of(), true)).hasMessageContaining("GZIP");
        assertThatThrownBy(() -> RedshiftCopyOptions.translate("JSON 'noshred'", List.of("a", "b"), false))
            .hasMessageContaining("exactly one column");
        assertThatThrownBy(() -> RedshiftSettings.parse(config(null, "Snappy"))).hasMessageContaining("Snappy");
    }

    @Test
    void tableAndColumnNamesMustBeIdentifiers() {
        ObjectNode config = config(null, "UNCOMPRESSED");
        ((ObjectNode) config.get("CopyCommand")).put("DataTableName", "public.\"Odd \"\"Name\"\"\"");
        assertThat(RedshiftSettings.parse(config).table()).isEqualTo("public.\"Odd \"\"Name\"\"\"");
        ((ObjectNode) config.get("CopyCommand")).put("DataTableName", "events; DROP TABLE events");
        assertThatThrownBy(() -> RedshiftSettings.parse(config)).hasMessageContaining("DataTableName");
        ObjectNode columns = config(null, "UNCOMPRESSED");
        ((ObjectNode) columns.get("CopyCommand")).put("DataTableColumns", "id, name) FROM STDIN; --");
        assertThatThrownBy(() -> RedshiftSettings.parse(columns)).hasMessageContaining("DataTableColumns");
    }

    @Property(tries = 300)
    void anyOptionTextIsTranslatedOrRefusedClearly(@ForAll String options) {
        try {
            RedshiftCopyOptions.translate(options, List.of("a"), false);
        } catch (DeliveryException e) {
            assertThat(e.type()).isEqualTo(DeliveryErrorType.INVALID_ARGUMENT);
        }
    }
}
