package dev.freshet.delivery.catalog;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.freshet.delivery.DeliveryException;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The members an S3DestinationConfiguration shares with ExtendedS3DestinationConfiguration, as a
 * destination of its own, as the staging/backup bucket of the other destinations, or as a backup:
 * the bucket ARN names a bucket ({@code arn:aws:s3:::NAME}, the folder {@code <data-dir>/s3/NAME}
 * when no S3 endpoint is configured), BufferingHints 1–128 MB / 0–900 s (defaults 5 MB and 300 s),
 * CompressionFormat (default UNCOMPRESSED), EncryptionConfiguration (default NoEncryption, not both
 * kinds), CloudWatchLoggingOptions (default disabled), Prefix (default empty) and the prefix rules.
 * Stateless.
 */
final class S3Rules {

    /** The bucket naming rules of S3 (3–63 characters, lower case, digits, dots and hyphens). */
    private static final Pattern BUCKET_ARN = Pattern.compile("arn:aws[a-z-]*:s3:::([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])");

    private S3Rules() {
    }

    /** The bucket name of an ARN already checked by {@link #configure}. */
    static String bucket(String bucketArn) {
        var matcher = BUCKET_ARN.matcher(bucketArn);
        return matcher.matches() ? matcher.group(1) : null;
    }

    /**
     * Checks the common S3 members of {@code configuration} and fills their defaults.
     *
     * @param compressions the CompressionFormat values this use allows
     * @param dynamicPartitioning whether the destination partitions dynamically (prefix rules)
     */
    static void configure(ObjectNode configuration, String path, Set<String> compressions, boolean dynamicPartitioning) {
        String bucketArn = ConfigNodes.text(configuration, "BucketARN");
        if (bucketArn == null || bucket(bucketArn) == null) {
            throw DeliveryException.invalidArgument(path + ".BucketARN '" + bucketArn
                + "' is not an S3 bucket ARN (arn:aws:s3:::bucket-name, a valid bucket name).");
        }
        BufferingRules.S3.apply(configuration, path);
        ConfigNodes.defaultText(configuration, "CompressionFormat", "UNCOMPRESSED");
        String compression = ConfigNodes.text(configuration, "CompressionFormat");
        if (!compressions.contains(compression)) {
            throw DeliveryException.invalidArgument(path + ".CompressionFormat " + compression
                + " is not supported here; use one of " + compressions + ".");
        }
        encryption(configuration, path);
        ConfigNodes.defaultText(configuration, "Prefix", "");
        CloudWatchLogging.apply(configuration);
        PrefixRules.check(path, ConfigNodes.text(configuration, "Prefix"),
            ConfigNodes.text(configuration, "ErrorOutputPrefix"), dynamicPartitioning);
    }

    private static void encryption(ObjectNode configuration, String path) {
        ObjectNode encryption = ConfigNodes.childOrNew(configuration, "EncryptionConfiguration");
        boolean kms = ConfigNodes.has(encryption, "KMSEncryptionConfig");
        if (kms && ConfigNodes.has(encryption, "NoEncryptionConfig")) {
            throw DeliveryException.invalidArgument(path
                + ".EncryptionConfiguration: specify NoEncryptionConfig or KMSEncryptionConfig, not both.");
        }
        if (!kms) {
            ConfigNodes.defaultText(encryption, "NoEncryptionConfig", "NoEncryption");
        }
    }

    /**
     * S3BackupConfiguration, checked as an S3 destination when given; required when S3BackupMode is
     * Enabled.
     */
    static void backup(ObjectNode configuration, String path) {
        ObjectNode backup = ConfigNodes.child(configuration, "S3BackupConfiguration");
        if ("Enabled".equals(ConfigNodes.text(configuration, "S3BackupMode")) && backup == null) {
            throw DeliveryException.invalidArgument(path + ": S3BackupConfiguration is required when S3BackupMode is Enabled.");
        }
        if (backup != null) {
            String backupPath = path + ".S3BackupConfiguration";
            DestinationRules.require(backup, backupPath, "RoleARN", "BucketARN");
            configure(backup, backupPath, DestinationRules.ALL_COMPRESSIONS, false);
        }
    }
}
