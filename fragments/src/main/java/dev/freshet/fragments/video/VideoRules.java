package dev.freshet.fragments.video;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The service's rules for the values a stream keeps, checked by the services themselves so they
 * hold whoever calls them (the web edge checks the same model constraints first and answers
 * ValidationException; a violation here is an InvalidArgumentException).
 *
 * <p>Limits: names 1..256 and device names 1..128 of {@code [a-zA-Z0-9_.-]}; media types 1..128
 * {@code type/subtype[,type/subtype…]}; KMS key ids 1..2048; retention 0..{@value #MAX_RETENTION_HOURS}
 * hours (ten years); at most {@value #MAX_TAGS} tags, keys 1..128 and values 0..256 of Unicode
 * letters, digits, white space and {@code _ . : / = + - @}, no {@code aws:} key prefix.
 *
 * Signaling channels (module {@code signaling}) share the tag rules.
 *
 * <p>Stateless and thread-safe.
 */
public final class VideoRules {

    static final int MAX_RETENTION_HOURS = 87_600;
    static final int MAX_TAGS = 50;

    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_.-]+");
    private static final Pattern MEDIA_TYPE =
        Pattern.compile("[\\w\\-.+]+/[\\w\\-.+]+(,[\\w\\-.+]+/[\\w\\-.+]+)*");
    private static final Pattern TAG_TEXT = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");

    private VideoRules() {
    }

    static void checkStreamName(String name) {
        checkText("StreamName", name, 256, NAME);
    }

    static void checkDeviceName(String deviceName) {
        if (deviceName != null) {
            checkText("DeviceName", deviceName, 128, NAME);
        }
    }

    static void checkMediaType(String mediaType) {
        if (mediaType != null) {
            checkText("MediaType", mediaType, 128, MEDIA_TYPE);
        }
    }

    static void checkKmsKeyId(String kmsKeyId) {
        if (kmsKeyId != null && (kmsKeyId.isEmpty() || kmsKeyId.length() > 2048)) {
            throw VideoErrorType.INVALID_ARGUMENT.exception("KmsKeyId must be 1 to 2048 characters long.");
        }
    }

    static void checkRetention(long hours) {
        if (hours < 0 || hours > MAX_RETENTION_HOURS) {
            throw VideoErrorType.INVALID_ARGUMENT.exception(
                "DataRetentionInHours must be between 0 and %d hours; it would be %d.", MAX_RETENTION_HOURS, hours);
        }
    }

    /** Checks the tags {@code added} and that {@code existing} plus them stays within the limit. */
    public static void checkTags(Map<String, String> existing, Map<String, String> added) {
        added.forEach(VideoRules::checkTag);
        long merged = existing.size() + added.keySet().stream().filter(key -> !existing.containsKey(key)).count();
        if (merged > MAX_TAGS) {
            throw VideoErrorType.TAGS_PER_RESOURCE_EXCEEDED_LIMIT.exception(
                "A resource can have at most %d tags; this request would leave it with %d.", MAX_TAGS, merged);
        }
    }

    public static void checkTagKey(String key) {
        if (key == null || key.isEmpty() || key.length() > 128 || !TAG_TEXT.matcher(key).matches()) {
            throw VideoErrorType.INVALID_ARGUMENT.exception(
                "Tag key '%s' is invalid: 1 to 128 letters, digits, spaces and _ . : / = + - @.", key);
        }
        if (key.toLowerCase(Locale.ROOT).startsWith("aws:")) {
            throw VideoErrorType.INVALID_ARGUMENT.exception("Tag key '%s' is invalid: the aws: prefix is reserved.", key);
        }
    }

    /** VersionMismatchException unless {@code given} is null (not asked) or the current version. */
    static void checkVersion(String current, String given) {
        if (given != null && !given.equals(current)) {
            throw VideoErrorType.VERSION_MISMATCH.exception(
                "The version %s does not match the stream's current version.", given);
        }
    }

    private static void checkTag(String key, String value) {
        checkTagKey(key);
        if (value == null || value.length() > 256 || !TAG_TEXT.matcher(value).matches()) {
            throw VideoErrorType.INVALID_ARGUMENT.exception(
                "Tag value '%s' for key '%s' is invalid: up to 256 letters, digits, spaces and _ . : / = + - @.",
                value, key);
        }
    }

    private static void checkText(String member, String value, int maxLength, Pattern pattern) {
        if (value == null || value.isEmpty() || value.length() > maxLength || !pattern.matcher(value).matches()) {
            throw VideoErrorType.INVALID_ARGUMENT.exception("%s '%s' is invalid: 1 to %d characters matching %s.",
                member, value, maxLength, pattern.pattern());
        }
    }
}
