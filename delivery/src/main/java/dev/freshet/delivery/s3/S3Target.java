package dev.freshet.delivery.s3;

import com.fasterxml.jackson.databind.JsonNode;
import dev.freshet.delivery.DeliveryException;
import dev.freshet.delivery.compress.CompressionFormat;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Where and how an S3-shaped configuration (ExtendedS3DestinationConfiguration,
 * S3DestinationConfiguration, an S3BackupConfiguration, a destination's S3Configuration) writes
 * objects: the bucket, the prefix templates, compression and naming.
 *
 * @param bucket from {@code BucketARN} ({@code arn:aws:s3:::NAME})
 * @param rules the effective Prefix and ErrorOutputPrefix templates
 * @param compression CompressionFormat (UNCOMPRESSED when absent)
 * @param extension FileExtension when configured, else the compression's extension
 * @param zone CustomTimeZone, UTC when absent
 */
public record S3Target(String bucket, PrefixRules rules, CompressionFormat compression, String extension, ZoneId zone) {

    private static final String ARN_PREFIX = "arn:aws:s3:::";

    /** The same target naming objects with another extension (with its dot). */
    public S3Target withExtension(String newExtension) {
        return new S3Target(bucket, rules, compression, newExtension, zone);
    }

    /** Reads the S3 members of a destination's configuration document. */
    public static S3Target from(JsonNode configuration) {
        return from(configuration, false);
    }

    /** Reads an S3BackupConfiguration: its ErrorOutputPrefix is ignored, as the service does. */
    public static S3Target fromBackup(JsonNode configuration) {
        return from(configuration, true);
    }

    private static S3Target from(JsonNode configuration, boolean backup) {
        String bucket = bucket(text(configuration, "BucketARN"));
        CompressionFormat compression = compression(text(configuration, "CompressionFormat"));
        String fileExtension = text(configuration, "FileExtension");
        return new S3Target(bucket, rules(configuration, backup), compression,
            fileExtension == null ? compression.extension() : fileExtension, zone(text(configuration, "CustomTimeZone")));
    }

    private static String bucket(String arn) {
        if (arn == null || !arn.startsWith(ARN_PREFIX) || arn.length() == ARN_PREFIX.length()
            || arn.indexOf('/', ARN_PREFIX.length()) >= 0) {
            throw DeliveryException.invalidArgument("BucketARN must be arn:aws:s3:::<bucket>, not " + arn + ".");
        }
        return arn.substring(ARN_PREFIX.length());
    }

    private static PrefixRules rules(JsonNode configuration, boolean backup) {
        try {
            return backup ? PrefixRules.ofBackup(text(configuration, "Prefix"))
                : PrefixRules.of(text(configuration, "Prefix"), text(configuration, "ErrorOutputPrefix"));
        } catch (PrefixException e) {
            throw DeliveryException.invalidArgument(e.getMessage());
        }
    }

    private static CompressionFormat compression(String name) {
        try {
            return CompressionFormat.fromAwsName(name);
        } catch (IllegalArgumentException e) {
            throw DeliveryException.invalidArgument("CompressionFormat " + name + " is not supported.");
        }
    }

    private static ZoneId zone(String name) {
        if (name == null || name.isEmpty()) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(name);
        } catch (DateTimeException e) {
            throw DeliveryException.invalidArgument("CustomTimeZone " + name + " is not a known time zone.");
        }
    }

    static String text(JsonNode node, String member) {
        JsonNode value = node.get(member);
        return value == null || value.isNull() ? null : value.asText();
    }
}
