package dev.freshet.delivery.destination;

import com.fasterxml.jackson.databind.JsonNode;
import dev.freshet.delivery.DeliveryException;

/**
 * Reads members of an AWS-shaped destination configuration (a Jackson tree), answering bad values
 * as InvalidArgumentException with the member's path, the way the service words them. The catalog
 * validates shapes first; destinations read through this so a configuration that slipped through
 * still fails clearly at {@code from(…)}.
 *
 * <p>Stateless.
 */
public final class ConfigFields {

    private ConfigFields() {
    }

    /** The member as text, or null when absent or JSON null. */
    public static String text(JsonNode parent, String member) {
        JsonNode node = parent == null ? null : parent.get(member);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw DeliveryException.invalidArgument(member + " must be a string");
        }
        return node.asText();
    }

    public static String requiredText(JsonNode parent, String path, String member) {
        String value = text(parent, member);
        if (value == null || value.isEmpty()) {
            throw DeliveryException.invalidArgument(path + "." + member + " is required");
        }
        return value;
    }

    /** An integer member in [min, max], or {@code otherwise} when absent. */
    public static int intIn(JsonNode parent, String path, String member, int min, int max, int otherwise) {
        JsonNode node = parent == null ? null : parent.get(member);
        if (node == null || node.isNull()) {
            return otherwise;
        }
        if (!node.canConvertToInt() || !node.isIntegralNumber()) {
            throw DeliveryException.invalidArgument(path + "." + member + " must be an integer");
        }
        int value = node.intValue();
        if (value < min || value > max) {
            throw DeliveryException.invalidArgument(
                path + "." + member + " must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }

    /** The bucket name of {@code arn:aws:s3:::NAME}. */
    public static String bucketName(String bucketArn, String path) {
        String marker = ":s3:::";
        int at = bucketArn == null ? -1 : bucketArn.indexOf(marker);
        if (at < 0 || at + marker.length() == bucketArn.length()) {
            throw DeliveryException.invalidArgument(path + ".BucketARN must look like arn:aws:s3:::NAME, was " + bucketArn);
        }
        return bucketArn.substring(at + marker.length());
    }
}
