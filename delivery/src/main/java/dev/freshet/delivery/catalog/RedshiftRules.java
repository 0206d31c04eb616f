package dev.freshet.delivery.catalog;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.freshet.delivery.DeliveryException;
import dev.freshet.delivery.DestinationKind;
import java.util.Set;

/**
 * RedshiftDestinationConfiguration (Freshet loads into PostgreSQL with {@code COPY … FROM STDIN},
 * standing in for Redshift): ClusterJDBCURL, CopyCommand.DataTableName, RetryOptions (default
 * 3600 s), S3BackupMode (default Disabled; Enabled needs S3BackupConfiguration) and the
 * intermediate S3Configuration, whose CompressionFormat can only be UNCOMPRESSED or GZIP (COPY
 * cannot read the others) and whose prefix may hold no expressions. Username and password, or a
 * SecretsManagerConfiguration, are needed; the password is never described.
 */
final class RedshiftRules extends DestinationRules {

    private static final Set<String> COPY_COMPRESSIONS = Set.of("UNCOMPRESSED", "GZIP");

    RedshiftRules() {
        super(DestinationKind.REDSHIFT);
    }

    @Override
    void check(ObjectNode configuration, String path) {
        require(configuration, path, "RoleARN", "ClusterJDBCURL", "CopyCommand", "S3Configuration");
        require(ConfigNodes.child(configuration, "CopyCommand"), path + ".CopyCommand", "DataTableName");
        if (!ConfigNodes.enabled(configuration, "SecretsManagerConfiguration", false)) {
            require(configuration, path, "Username", "Password");
        }
        ConfigNodes.defaultInt(ConfigNodes.childOrNew(configuration, "RetryOptions"), "DurationInSeconds", 3600);
        ConfigNodes.defaultText(configuration, "S3BackupMode", "Disabled");
        CloudWatchLogging.apply(configuration);
        s3Configuration(configuration, path, COPY_COMPRESSIONS);
        String prefix = ConfigNodes.text(ConfigNodes.child(configuration, "S3Configuration"), "Prefix");
        if (prefix != null && prefix.contains("!{")) {
            throw DeliveryException.invalidArgument(path + ".S3Configuration.Prefix may not contain expressions "
                + "for a Redshift destination.");
        }
        S3Rules.backup(configuration, path);
    }

    @Override
    void hideSecrets(ObjectNode description) {
        description.remove("Password");
    }
}
