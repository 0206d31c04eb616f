package dev.freshet.web.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;

/**
 * Converts one decoded value to the type its shape expects, or throws a SerializationException
 * worded as the service's Coral deserializer words it:
 * <pre>
 *  number where a string is expected   class com.amazon.coral.value.json.numbers.TruncatingBigNumber can not be converted to an String
 *  boolean where an integer is         class java.lang.Boolean can not be converted to an Integer
 *  string where a timestamp is         class java.lang.String can not be converted to milliseconds since epoch
 *  list where a scalar/map is          Start of list found where not expected
 *  object where a scalar/list is       Start of structure or map found where not expected.
 *  scalar where a list/map/structure   Expected list or null / Expected map or null / Expected null
 * </pre>
 * (The service says "an String"; we keep its grammar.) CBOR values get the same words; a CBOR byte
 * string where text is expected is named {@code class java.nio.HeapByteBuffer}.
 *
 * <p>Numbers: fractions are truncated toward zero and out-of-range values saturate (the service
 * answers {@code ShardCount: 100000000000} with {@code Value '2147483647' …}). NaN and infinities
 * (possible in CBOR) are refused. Timestamps: JSON numbers are epoch seconds (fraction allowed,
 * converted exactly to milliseconds); CBOR integers are epoch milliseconds (tag 1 or not), CBOR
 * floats epoch seconds. Strings are refused as the service refuses them.
 *
 * <p>Thread-safe (stateless).
 */
final class ValueReader {

    static final String START_OF_LIST = "Start of list found where not expected";
    static final String START_OF_STRUCTURE = "Start of structure or map found where not expected.";
    static final int MAX_ECHO = 1024;

    private static final String TO_TIMESTAMP = "milliseconds since epoch";
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);
    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal SECONDS_LIMIT = BigDecimal.valueOf(Long.MAX_VALUE / 1000);
    private static final int MAX_DECIMAL_BITS = 256;
    private static final int MAX_DECIMAL_SCALE = 1000;

    private ValueReader() {
    }

    static String string(JsonNode value) {
        if (value.isTextual()) {
            return value.textValue();
        }
        throw mismatch(value, "an String");
    }

    static int integer(JsonNode value) {
        long wide = truncatedLong(value, "an Integer");
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, wide));
    }

    static long longInteger(JsonNode value) {
        return truncatedLong(value, "an Long");
    }

    static boolean bool(JsonNode value) {
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (!value.isTextual()) {
            throw mismatch(value, "an Boolean");
        }
        String text = value.textValue();
        if ("true".equalsIgnoreCase(text) || "false".equalsIgnoreCase(text)) {
            return "true".equalsIgnoreCase(text);
        }
        throw ProtocolException.wrongType(
                "'" + clip(text).toUpperCase(Locale.ROOT) + "' can not be converted to an Boolean");
    }

    /** A CBOR byte string as is (no copy), or base64 text decoded strictly. */
    static byte[] blob(JsonNode value) {
        if (value.isBinary()) {
            return binary(value);
        }
        if (value.isTextual()) {
            return Base64Text.decode(value.textValue());
        }
        throw mismatch(value, "a Blob");
    }

    static Instant timestamp(JsonNode value, WireFormat format) {
        if (!value.isNumber()) {
            throw mismatch(value, TO_TIMESTAMP);
        }
        if (format == WireFormat.CBOR && value.isIntegralNumber()) {
            return Instant.ofEpochMilli(truncatedLong(value, TO_TIMESTAMP));
        }
        return Instant.ofEpochMilli(secondsToMillis(value));
    }

    static ArrayNode list(JsonNode value) {
        if (value.isArray()) {
            return (ArrayNode) value;
        }
        throw ProtocolException.wrongType(value.isObject() ? START_OF_STRUCTURE : "Expected list or null");
    }

    static ObjectNode map(JsonNode value) {
        if (value.isObject()) {
            return (ObjectNode) value;
        }
        throw ProtocolException.wrongType(value.isArray() ? START_OF_LIST : "Expected map or null");
    }

    static ObjectNode structure(JsonNode value) {
        if (value.isObject()) {
            return (ObjectNode) value;
        }
        throw ProtocolException.wrongType(value.isArray() ? START_OF_LIST : "Expected null");
    }

    /** {@code text}, cut to {@value #MAX_ECHO} characters plus "..." when echoed in a message. */
    static String clip(String text) {
        return text.length() <= MAX_ECHO ? text : text.substring(0, MAX_ECHO) + "...";
    }

    private static byte[] binary(JsonNode value) {
        try {
            return value.binaryValue();
        } catch (java.io.IOException e) {
            throw mismatch(value, "a Blob");
        }
    }

    private static long truncatedLong(JsonNode value, String target) {
        if (!value.isNumber()) {
            throw mismatch(value, target);
        }
        if (value.isIntegralNumber()) {
            return value.canConvertToLong() ? value.longValue() : saturate(value.bigIntegerValue().signum());
        }
        if (value.isBigDecimal()) {
            return truncatedLong(boundedDecimal(value, target));
        }
        double number = value.doubleValue();
        if (!Double.isFinite(number)) {
            throw ProtocolException.wrongType("class java.lang.Double can not be converted to " + target);
        }
        return (long) number;
    }

    private static long truncatedLong(BigDecimal number) {
        if (number.compareTo(LONG_MAX) >= 0 || number.compareTo(LONG_MIN) <= 0) {
            return saturate(number.signum());
        }
        return number.longValue();
    }

    private static long secondsToMillis(JsonNode value) {
        if (value.isIntegralNumber()) {
            long seconds = truncatedLong(value, TO_TIMESTAMP);
            return Math.abs(seconds) > Long.MAX_VALUE / 1000 ? saturate(Long.signum(seconds)) : seconds * 1000;
        }
        BigDecimal seconds = value.isBigDecimal() ? boundedDecimal(value, TO_TIMESTAMP) : finiteDecimal(value);
        if (seconds.abs().compareTo(SECONDS_LIMIT) >= 0) {
            return saturate(seconds.signum());
        }
        return seconds.movePointRight(3).longValue();
    }

    /** The exact decimal of a double ({@code 1616506576.795} stays that, not ….7949999). */
    private static BigDecimal finiteDecimal(JsonNode value) {
        double number = value.doubleValue();
        if (!Double.isFinite(number)) {
            throw ProtocolException.wrongType("class java.lang.Double can not be converted to " + TO_TIMESTAMP);
        }
        return BigDecimal.valueOf(number);
    }

    /** CBOR decimal fractions can be huge; refuse those before any arithmetic touches them. */
    private static BigDecimal boundedDecimal(JsonNode value, String target) {
        BigDecimal number = value.decimalValue();
        boolean huge = number.unscaledValue().bitLength() > MAX_DECIMAL_BITS;
        if (huge || Math.abs((long) number.scale()) > MAX_DECIMAL_SCALE) {
            throw ProtocolException.wrongType("class java.math.BigDecimal can not be converted to " + target);
        }
        return number;
    }

    private static long saturate(int signum) {
        return signum >= 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
    }

    private static ProtocolException mismatch(JsonNode value, String target) {
        if (value.isArray()) {
            return ProtocolException.wrongType(START_OF_LIST);
        }
        if (value.isObject()) {
            return ProtocolException.wrongType(START_OF_STRUCTURE);
        }
        return ProtocolException.wrongType(javaClassOf(value) + " can not be converted to " + target);
    }

    private static String javaClassOf(JsonNode value) {
        if (value.isBoolean()) {
            return "class java.lang.Boolean";
        }
        if (value.isNumber()) {
            return "class com.amazon.coral.value.json.numbers.TruncatingBigNumber";
        }
        if (value.isTextual()) {
            return "class java.lang.String";
        }
        return value.isBinary() ? "class java.nio.HeapByteBuffer" : "class java.lang.Object";
    }
}
