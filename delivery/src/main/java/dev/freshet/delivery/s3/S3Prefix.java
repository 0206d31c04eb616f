package dev.freshet.delivery.s3;

import dev.freshet.delivery.s3.PrefixException.Reason;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A parsed S3 Prefix or ErrorOutputPrefix: literal text and {@code !{namespace:value}} expressions.
 *
 * <pre>
 *  prefix     = *( literal / expression )
 *  expression = "!{" namespace ":" value "}"     value ends at the first "}" and holds no "!{"
 *  namespace  = "timestamp"               value: a java.time DateTimeFormatter pattern ('…' is literal)
 *             / "firehose"                value: "random-string" (11 characters, new per use)
 *                                                / "error-output-type" (ErrorOutputPrefix only)
 *             / "partitionKeyFromQuery" / "partitionKeyFromLambda"   value: the key's name
 * </pre>
 *
 * The text is user input: every malformed form is a {@link PrefixException} with a reason, never
 * another exception. Every timestamp in one evaluation is the same instant.
 *
 * <p>Immutable and thread-safe.
 */
public final class S3Prefix {

    /** One piece of a prefix. */
    sealed interface Part {
    }

    record Literal(String text) implements Part {
    }

    record Timestamp(String pattern, DateTimeFormatter formatter) implements Part {
    }

    record RandomString() implements Part {
    }

    record ErrorOutputType() implements Part {
    }

    record PartitionKey(String namespace, String key) implements Part {
    }

    /** What one evaluation needs. */
    public record Values(ZonedDateTime time, Map<String, String> partitionKeys, String errorOutputType,
            Supplier<String> randomString) {
    }

    private static final ZonedDateTime PROBE = Instant.ofEpochMilli(1_535_365_800_000L).atZone(ZoneOffset.UTC);

    private final String text;
    private final List<Part> parts;

    private S3Prefix(String text, List<Part> parts) {
        this.text = text;
        this.parts = List.copyOf(parts);
    }

    /** Parses the prefix; null is the empty prefix. */
    public static S3Prefix parse(String text) throws PrefixException {
        String source = text == null ? "" : text;
        List<Part> parts = new ArrayList<>();
        int at = 0;
        while (at < source.length()) {
            int open = source.indexOf("!{", at);
            if (open < 0) {
                parts.add(new Literal(source.substring(at)));
                break;
            }
            if (open > at) {
                parts.add(new Literal(source.substring(at, open)));
            }
            int close = source.indexOf('}', open + 2);
            if (close < 0) {
                throw new PrefixException(Reason.UNTERMINATED_EXPRESSION, "The expression at " + open + " is not closed with }.");
            }
            parts.add(expression(source.substring(open + 2, close), open));
            at = close + 1;
        }
        return new S3Prefix(source, parts);
    }

    private static Part expression(String body, int offset) throws PrefixException {
        if (body.contains("!{")) {
            throw new PrefixException(Reason.NESTED_EXPRESSION, "!{ may only start an expression (at " + offset + ").");
        }
        int colon = body.indexOf(':');
        String namespace = colon < 0 ? body : body.substring(0, colon);
        String value = colon < 0 ? "" : body.substring(colon + 1);
        return switch (namespace) {
            case "timestamp" -> timestamp(value);
            case "firehose" -> firehose(value);
            case "partitionKeyFromQuery", "partitionKeyFromLambda" -> partitionKey(namespace, value);
            default -> throw new PrefixException(Reason.UNKNOWN_NAMESPACE, "Unknown expression namespace '" + namespace
                + "' (expected timestamp, firehose, partitionKeyFromQuery or partitionKeyFromLambda).");
        };
    }

    private static Part timestamp(String pattern) throws PrefixException {
        if (pattern.isEmpty()) {
            throw new PrefixException(Reason.INVALID_TIMESTAMP_FORMAT, "!{timestamp:…} needs a date-time pattern.");
        }
        try {
            DateTimeFormatter formatter = DateTimeFormatter.ofPattern(pattern);
            formatter.format(PROBE);
            return new Timestamp(pattern, formatter);
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new PrefixException(Reason.INVALID_TIMESTAMP_FORMAT, "'" + pattern + "' is not a valid timestamp format: "
                + e.getMessage());
        }
    }

    private static Part firehose(String value) throws PrefixException {
        return switch (value) {
            case "random-string" -> new RandomString();
            case "error-output-type" -> new ErrorOutputType();
            default -> throw new PrefixException(Reason.UNKNOWN_FIREHOSE_VALUE, "Unknown firehose expression '" + value
                + "' (expected random-string or error-output-type).");
        };
    }

    private static Part partitionKey(String namespace, String key) throws PrefixException {
        if (key.isEmpty()) {
            throw new PrefixException(Reason.EMPTY_PARTITION_KEY_NAME, namespace + " needs a key name.");
        }
        return new PartitionKey(namespace, key);
    }

    /** The prefix as configured. */
    public String text() {
        return text;
    }

    public boolean hasExpressions() {
        return parts.stream().anyMatch(part -> !(part instanceof Literal));
    }

    public boolean hasTimestamp() {
        return parts.stream().anyMatch(Timestamp.class::isInstance);
    }

    public boolean hasErrorOutputType() {
        return parts.stream().anyMatch(ErrorOutputType.class::isInstance);
    }

    public boolean hasPartitionKeys() {
        return parts.stream().anyMatch(PartitionKey.class::isInstance);
    }

    /** Names of the partition keys the prefix uses, in order of use. */
    public List<String> partitionKeyNames() {
        List<String> names = new ArrayList<>();
        for (Part part : parts) {
            if (part instanceof PartitionKey key) {
                names.add(key.key());
            }
        }
        return names;
    }

    /** This prefix followed by {@code more}'s parts. */
    S3Prefix append(S3Prefix more) {
        List<Part> joined = new ArrayList<>(parts);
        joined.addAll(more.parts);
        return new S3Prefix(text + more.text, joined);
    }

    /**
     * Evaluates the prefix.
     *
     * @throws PrefixException MISSING_PARTITION_KEY when a record lacks a key the prefix uses
     */
    public String evaluate(Values values) throws PrefixException {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (Part part : parts) {
            if (part instanceof Literal literal) {
                out.append(literal.text());
            } else if (part instanceof Timestamp timestamp) {
                timestamp.formatter().formatTo(values.time(), out);
            } else if (part instanceof RandomString) {
                out.append(values.randomString().get());
            } else if (part instanceof ErrorOutputType) {
                out.append(values.errorOutputType());
            } else {
                out.append(partitionKey(values, (PartitionKey) part));
            }
        }
        return out.toString();
    }

    private static String partitionKey(Values values, PartitionKey key) throws PrefixException {
        String value = values.partitionKeys().get(key.key());
        if (value == null) {
            throw new PrefixException(Reason.MISSING_PARTITION_KEY, "The record has no partition key '" + key.key()
                + "' (" + key.namespace() + ").");
        }
        return value;
    }

    @Override
    public String toString() {
        return text;
    }
}
