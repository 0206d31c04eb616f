package dev.freshet.web.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import dev.freshet.web.protocol.Shape.BlobShape;
import dev.freshet.web.protocol.Shape.IntegerShape;
import dev.freshet.web.protocol.Shape.StringShape;
import java.util.ArrayList;
import java.util.List;

/**
 * The constraint texts of the service's ValidationException and which of them a value breaks.
 *
 * <p>Texts: {@code Member must not be null}, {@code Member must satisfy regular expression pattern: P},
 * {@code Member must satisfy enum value set: [A, B]}, {@code Member must have length greater than
 * or equal to N} / {@code less than or equal to N} (strings, blobs, lists, maps) and
 * {@code Member must have value greater than or equal to N} / {@code less than or equal to N}.
 *
 * <p>Order of violations of one value: pattern, enum, minimum, maximum (as the service lists them
 * for {@code ''}: pattern, then length). The pattern is not evaluated on a string longer than its
 * maximum length, which then is already reported: model patterns such as
 * {@code arn:aws.*:kinesis:.*:\d{12}:.*stream/\S+} backtrack polynomially on long input.
 *
 * <p>Thread-safe (stateless). Values given are already type-checked.
 */
final class Constraints {

    static final String NOT_NULL = "Member must not be null";

    private Constraints() {
    }

    /** The constraints a string, integer or blob value breaks, in report order. */
    static List<String> violations(Shape shape, JsonNode value) {
        if (shape instanceof StringShape string) {
            return stringViolations(string, value.textValue());
        }
        if (shape instanceof IntegerShape integer) {
            long number = integer.isLong() ? ValueReader.longInteger(value) : ValueReader.integer(value);
            return rangeViolations(integer.min(), integer.max(), number, "value");
        }
        if (shape instanceof BlobShape blob) {
            return lengthViolations(blob.minLength(), blob.maxLength(), ValueReader.blob(value).length);
        }
        return List.of();
    }

    static List<String> lengthViolations(Integer min, Integer max, int length) {
        return rangeViolations(min == null ? null : (long) min, max == null ? null : (long) max, length, "length");
    }

    /**
     * Every constraint of a list element or map key/value shape, as the service prints them inside
     * {@code Member must satisfy constraint: [...]}: maximum, minimum, pattern, enum.
     */
    static List<String> declared(Shape shape) {
        List<String> texts = new ArrayList<>();
        if (shape instanceof StringShape string) {
            addBounds(texts, string.minLength(), string.maxLength(), "length");
            if (string.pattern() != null) {
                texts.add(pattern(string));
            }
            if (!string.enumValues().isEmpty()) {
                texts.add(enumeration(string));
            }
        } else if (shape instanceof IntegerShape integer) {
            addBounds(texts, integer.min(), integer.max(), "value");
        } else if (shape instanceof BlobShape blob) {
            addBounds(texts, blob.minLength(), blob.maxLength(), "length");
        }
        return texts;
    }

    private static List<String> stringViolations(StringShape shape, String text) {
        List<String> found = new ArrayList<>(1);
        boolean tooLong = shape.maxLength() != null && text.length() > shape.maxLength();
        if (shape.pattern() != null && !tooLong && !shape.pattern().matcher(text).matches()) {
            found.add(pattern(shape));
        }
        if (!shape.enumValues().isEmpty() && !shape.enumValues().contains(text)) {
            found.add(enumeration(shape));
        }
        List<String> length = lengthViolations(shape.minLength(), shape.maxLength(), text.length());
        if (found.isEmpty()) {
            return length;
        }
        found.addAll(length);
        return found;
    }

    private static List<String> rangeViolations(Number min, Number max, long actual, String what) {
        boolean belowMin = min != null && actual < min.longValue();
        if (!belowMin && (max == null || actual <= max.longValue())) {
            return List.of();
        }
        List<String> found = new ArrayList<>(1);
        if (min != null && actual < min.longValue()) {
            found.add("Member must have " + what + " greater than or equal to " + min);
        }
        if (max != null && actual > max.longValue()) {
            found.add("Member must have " + what + " less than or equal to " + max);
        }
        return found;
    }

    private static void addBounds(List<String> texts, Number min, Number max, String what) {
        if (max != null) {
            texts.add("Member must have " + what + " less than or equal to " + max);
        }
        if (min != null) {
            texts.add("Member must have " + what + " greater than or equal to " + min);
        }
    }

    private static String pattern(StringShape shape) {
        return "Member must satisfy regular expression pattern: " + shape.pattern().pattern();
    }

    private static String enumeration(StringShape shape) {
        return "Member must satisfy enum value set: [" + String.join(", ", shape.enumValues()) + "]";
    }
}
