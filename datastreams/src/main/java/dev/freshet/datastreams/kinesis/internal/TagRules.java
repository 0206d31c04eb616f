package dev.freshet.datastreams.kinesis.internal;

import dev.freshet.datastreams.kinesis.KinesisErrorType;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The service's rules for tags: at most 50 per resource, keys 1–128 and values 0–256 Unicode
 * letters, digits, white space and {@code _ . / = + - % @}, no {@code aws:} prefix.
 *
 * <p>Stateless and thread-safe.
 */
public final class TagRules {

    public static final int MAX_TAGS = 50;
    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-%@]*");

    private TagRules() {
    }

    /** Checks {@code added} and that {@code existing} plus them stays within the limit. */
    public static void checkAdd(String resource, Map<String, String> existing, Map<String, String> added) {
        for (Map.Entry<String, String> tag : added.entrySet()) {
            checkKey(tag.getKey());
            String value = tag.getValue() == null ? "" : tag.getValue();
            if (value.length() > 256 || !ALLOWED.matcher(value).matches()) {
                throw KinesisErrorType.INVALID_ARGUMENT.exception(
                    "Tag value %s for key %s is invalid: up to 256 letters, digits, spaces and _ . : / = + - %% @.",
                    value, tag.getKey());
            }
        }
        Map<String, String> merged = new TreeMap<>(existing);
        merged.putAll(added);
        if (merged.size() > MAX_TAGS) {
            throw KinesisErrorType.INVALID_ARGUMENT.exception(
                "Failed to add tags to %s because a given resource cannot have more than %d tags.", resource, MAX_TAGS);
        }
    }

    public static void checkKeys(Collection<String> keys) {
        keys.forEach(TagRules::checkKey);
    }

    public static Set<String> keysOf(Map<String, String> tags) {
        return tags.keySet();
    }

    private static void checkKey(String key) {
        if (key == null || key.isEmpty() || key.length() > 128 || !ALLOWED.matcher(key).matches()) {
            throw KinesisErrorType.INVALID_ARGUMENT.exception(
                "Tag key %s is invalid: 1 to 128 letters, digits, spaces and _ . : / = + - %% @.", key);
        }
        if (key.toLowerCase(java.util.Locale.ROOT).startsWith("aws:")) {
            throw KinesisErrorType.INVALID_ARGUMENT.exception("Tag key %s is invalid: the aws: prefix is reserved.", key);
        }
    }
}
