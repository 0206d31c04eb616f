package dev.freshet.delivery.catalog;

import dev.freshet.delivery.DeliveryException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules for S3 Prefix and ErrorOutputPrefix ("Custom Prefixes for Amazon S3 Objects"):
 * expressions are {@code !{namespace:value}} with namespace {@code timestamp} (a Java
 * DateTimeFormatter pattern), {@code firehose} ({@code random-string} or
 * {@code error-output-type}), {@code partitionKeyFromQuery} or {@code partitionKeyFromLambda};
 * expressions do not nest;
 * <ul>
 *   <li>Prefix may not use {@code !{firehose:error-output-type}};</li>
 *   <li>ErrorOutputPrefix may not use the partition-key namespaces;</li>
 *   <li>a Prefix with expressions needs an ErrorOutputPrefix;</li>
 *   <li>an ErrorOutputPrefix with expressions must contain {@code !{firehose:error-output-type}};</li>
 *   <li>partition-key expressions need dynamic partitioning.</li>
 * </ul>
 * A prefix without a timestamp expression gets {@code yyyy/MM/dd/HH/} appended when objects are
 * named; that is the delivery's business and does not change the stored prefix (DescribeDeliveryStream
 * shows the prefix as given). Stateless.
 */
final class PrefixRules {

    static final String ERROR_OUTPUT_TYPE = "!{firehose:error-output-type}";

    /** One {@code !{namespace:value}} of a prefix. */
    record Expression(String namespace, String value) {

        boolean isPartitionKey() {
            return namespace.equals("partitionKeyFromQuery") || namespace.equals("partitionKeyFromLambda");
        }
    }

    private PrefixRules() {
    }

    /**
     * Checks a destination's prefixes.
     *
     * @param path names the configuration in messages, e.g. {@code ExtendedS3DestinationConfiguration}
     * @param prefix the Prefix or null
     * @param errorOutputPrefix the ErrorOutputPrefix or null
     * @param dynamicPartitioning whether dynamic partitioning is enabled
     */
    static void check(String path, String prefix, String errorOutputPrefix, boolean dynamicPartitioning) {
        List<Expression> inPrefix = expressions(path + ".Prefix", prefix);
        List<Expression> inError = expressions(path + ".ErrorOutputPrefix", errorOutputPrefix);
        for (Expression expression : inPrefix) {
            if (expression.namespace().equals("firehose") && expression.value().equals("error-output-type")) {
                throw invalid(path + ".Prefix may not contain " + ERROR_OUTPUT_TYPE + "; it is for ErrorOutputPrefix.");
            }
            if (expression.isPartitionKey() && !dynamicPartitioning) {
                throw invalid(path + ".Prefix uses !{" + expression.namespace() + ":" + expression.value()
                    + "}, which needs DynamicPartitioningConfiguration enabled.");
            }
        }
        for (Expression expression : inError) {
            if (expression.isPartitionKey()) {
                throw invalid(path + ".ErrorOutputPrefix may not contain !{" + expression.namespace() + ":…}.");
            }
        }
        if (!inPrefix.isEmpty() && (errorOutputPrefix == null || errorOutputPrefix.isEmpty())) {
            throw invalid(path + ": ErrorOutputPrefix cannot be null or empty when Prefix contains expressions.");
        }
        if (!inError.isEmpty() && !errorOutputPrefix.contains(ERROR_OUTPUT_TYPE)) {
            throw invalid(path + ".ErrorOutputPrefix contains expressions but not " + ERROR_OUTPUT_TYPE + ".");
        }
    }

    /** The expressions of {@code prefix} in order; InvalidArgumentException when one is malformed. */
    static List<Expression> expressions(String what, String prefix) {
        List<Expression> found = new ArrayList<>();
        if (prefix == null) {
            return found;
        }
        int at = prefix.indexOf("!{");
        while (at >= 0) {
            int end = prefix.indexOf('}', at);
            if (end < 0) {
                throw invalid(what + " has an unterminated expression at position " + at + ".");
            }
            String body = prefix.substring(at + 2, end);
            if (body.contains("!{")) {
                throw invalid(what + ": expressions cannot be nested.");
            }
            found.add(expression(what, body));
            at = prefix.indexOf("!{", end);
        }
        return found;
    }

    private static Expression expression(String what, String body) {
        int colon = body.indexOf(':');
        if (colon <= 0 || colon == body.length() - 1) {
            throw invalid(what + ": '!{" + body + "}' is not of the form !{namespace:value}.");
        }
        Expression expression = new Expression(body.substring(0, colon), body.substring(colon + 1));
        switch (expression.namespace()) {
            case "timestamp" -> checkTimestamp(what, expression.value());
            case "firehose" -> {
                if (!expression.value().equals("random-string") && !expression.value().equals("error-output-type")) {
                    throw invalid(what + ": '" + expression.value() + "' is not a firehose expression "
                        + "(random-string or error-output-type).");
                }
            }
            case "partitionKeyFromQuery", "partitionKeyFromLambda" -> {
                // any key name; it must match a key the query or the Lambda produces
            }
            default -> throw invalid(what + ": unknown expression namespace '" + expression.namespace()
                + "' (timestamp, firehose, partitionKeyFromQuery, partitionKeyFromLambda).");
        }
        return expression;
    }

    private static void checkTimestamp(String what, String pattern) {
        try {
            DateTimeFormatter.ofPattern(pattern);
        } catch (IllegalArgumentException e) {
            throw invalid(what + ": '" + pattern + "' is not a valid timestamp pattern: " + e.getMessage());
        }
    }

    private static DeliveryException invalid(String message) {
        return DeliveryException.invalidArgument(message);
    }
}
