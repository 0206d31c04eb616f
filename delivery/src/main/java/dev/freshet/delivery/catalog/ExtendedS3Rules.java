package dev.freshet.delivery.catalog;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.freshet.delivery.DeliveryException;
import dev.freshet.delivery.DestinationKind;
import java.time.DateTimeException;
import java.time.ZoneId;

/**
 * ExtendedS3DestinationConfiguration: the common S3 members, plus S3BackupMode (default Disabled;
 * Enabled needs S3BackupConfiguration), DynamicPartitioningConfiguration (needs ErrorOutputPrefix
 * and no zero buffering), DataFormatConversionConfiguration (enabled by default when given; needs
 * CompressionFormat UNCOMPRESSED and a buffer of at least 64 MB, default 128 MB) and CustomTimeZone
 * (an IANA zone id, not a three-letter one).
 */
final class ExtendedS3Rules extends DestinationRules {

    private static final int FORMAT_CONVERSION_MIN_MBS = 64;
    private static final int FORMAT_CONVERSION_DEFAULT_MBS = 128;

    ExtendedS3Rules() {
        super(DestinationKind.EXTENDED_S3);
    }

    @Override
    void check(ObjectNode configuration, String path) {
        require(configuration, path, "RoleARN", "BucketARN");
        boolean partitioning = ConfigNodes.enabled(configuration, "DynamicPartitioningConfiguration", false);
        boolean conversion = ConfigNodes.enabled(configuration, "DataFormatConversionConfiguration", true);
        settle(configuration, "DynamicPartitioningConfiguration", partitioning);
        settle(configuration, "DataFormatConversionConfiguration", conversion);
        if (conversion && ConfigNodes.child(configuration, "BufferingHints") == null) {
            BufferingRules.S3.apply(configuration, path, FORMAT_CONVERSION_DEFAULT_MBS);
        }
        S3Rules.configure(configuration, path, ALL_COMPRESSIONS, partitioning);
        if (partitioning) {
            partitioning(configuration, path);
        }
        if (conversion) {
            conversion(configuration, path);
        }
        backup(configuration, path);
        timeZone(configuration, path);
    }

    /** Writes the switch's effective {@code Enabled} into a given structure, so the engine need not know the defaults. */
    private static void settle(ObjectNode configuration, String member, boolean enabled) {
        ObjectNode structure = ConfigNodes.child(configuration, member);
        if (structure != null) {
            structure.put("Enabled", enabled);
        }
    }

    private static void partitioning(ObjectNode configuration, String path) {
        String errorOutputPrefix = ConfigNodes.text(configuration, "ErrorOutputPrefix");
        if (errorOutputPrefix == null || errorOutputPrefix.isEmpty()) {
            throw DeliveryException.invalidArgument(path
                + ": ErrorOutputPrefix is required when DynamicPartitioningConfiguration is enabled.");
        }
        if (configuration.get("BufferingHints").get("IntervalInSeconds").asInt() == 0) {
            throw DeliveryException.invalidArgument(path
                + ": zero buffering (IntervalInSeconds 0) is not supported with dynamic partitioning.");
        }
    }

    private static void conversion(ObjectNode configuration, String path) {
        if (!"UNCOMPRESSED".equals(ConfigNodes.text(configuration, "CompressionFormat"))) {
            throw DeliveryException.invalidArgument(path + ": CompressionFormat must be UNCOMPRESSED when "
                + "DataFormatConversionConfiguration is enabled (the serializer compresses).");
        }
        if (configuration.get("BufferingHints").get("SizeInMBs").asInt() < FORMAT_CONVERSION_MIN_MBS) {
            throw DeliveryException.invalidArgument(path + ".BufferingHints.SizeInMBs must be at least "
                + FORMAT_CONVERSION_MIN_MBS + " when DataFormatConversionConfiguration is enabled.");
        }
    }

    private static void backup(ObjectNode configuration, String path) {
        ConfigNodes.defaultText(configuration, "S3BackupMode", "Disabled");
        S3Rules.backup(configuration, path);
    }

    private static void timeZone(ObjectNode configuration, String path) {
        String zone = ConfigNodes.text(configuration, "CustomTimeZone");
        if (zone == null || zone.isEmpty()) {
            return;
        }
        try {
            if (zone.length() <= 3 && !zone.equals("UTC")) {
                throw new DateTimeException("three-letter zone ids are not supported");
            }
            ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw DeliveryException.invalidArgument(path + ".CustomTimeZone '" + zone
                + "' is not a supported IANA time zone (e.g. UTC, Asia/Tokyo).");
        }
    }
}
