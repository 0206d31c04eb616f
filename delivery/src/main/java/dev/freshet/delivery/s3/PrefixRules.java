package dev.freshet.delivery.s3;

import dev.freshet.delivery.s3.PrefixException.Reason;

/**
 * The service's rules that turn a configured Prefix and ErrorOutputPrefix into the templates
 * objects are named by (Firehose developer guide, "Custom Prefixes for Amazon S3 Objects"):
 *
 * <ul>
 *   <li>a Prefix without a timestamp expression gets {@code !{timestamp:yyyy/MM/dd/HH/}} appended
 *       (so no prefix at all means {@code YYYY/MM/dd/HH/}); a dynamically partitioned Prefix (one
 *       with partition-key expressions) is used as given;</li>
 *   <li>Prefix may not contain {@code !{firehose:error-output-type}};</li>
 *   <li>a null ErrorOutputPrefix is only allowed when Prefix has no expressions, and then is
 *       {@code <prefix><error-output-type>/yyyy/MM/dd/HH/};</li>
 *   <li>an ErrorOutputPrefix with expressions must contain error-output-type; one without any
 *       expression gets {@code <error-output-type>/yyyy/MM/dd/HH/} appended, so failures of
 *       different kinds never share a folder;</li>
 *   <li>both are at most 512 characters once evaluated ({@link ObjectKeys} checks that).</li>
 * </ul>
 *
 * @param prefix the template of delivered objects
 * @param errorPrefix the template of error-output objects
 */
public record PrefixRules(S3Prefix prefix, S3Prefix errorPrefix) {

    static final String DEFAULT_TIME = "!{timestamp:yyyy/MM/dd/HH/}";
    static final String DEFAULT_ERROR_TAIL = "!{firehose:error-output-type}/" + DEFAULT_TIME;

    /** Applies the rules to the configured members (either may be null). */
    public static PrefixRules of(String prefixText, String errorPrefixText) throws PrefixException {
        S3Prefix prefix = S3Prefix.parse(prefixText);
        if (prefix.hasErrorOutputType()) {
            throw new PrefixException(Reason.ERROR_OUTPUT_TYPE_IN_PREFIX,
                "Prefix cannot contain !{firehose:error-output-type}; it belongs in ErrorOutputPrefix.");
        }
        S3Prefix effective = prefix.hasTimestamp() || prefix.hasPartitionKeys() ? prefix
            : prefix.append(S3Prefix.parse(DEFAULT_TIME));
        return new PrefixRules(effective, errorPrefix(prefix, errorPrefixText));
    }

    /**
     * The rules of an S3 backup configuration, whose ErrorOutputPrefix the service ignores: only
     * the Prefix counts (failures are filed under the destination's own error prefix).
     */
    public static PrefixRules ofBackup(String prefixText) throws PrefixException {
        PrefixRules rules = of(prefixText, DEFAULT_ERROR_TAIL);
        return new PrefixRules(rules.prefix(), S3Prefix.parse(DEFAULT_ERROR_TAIL));
    }

    private static S3Prefix errorPrefix(S3Prefix prefix, String errorPrefixText) throws PrefixException {
        if (errorPrefixText == null) {
            if (prefix.hasExpressions()) {
                throw new PrefixException(Reason.ERROR_PREFIX_REQUIRED,
                    "ErrorOutputPrefix cannot be null when Prefix contains expressions.");
            }
            return prefix.append(S3Prefix.parse(DEFAULT_ERROR_TAIL));
        }
        S3Prefix error = S3Prefix.parse(errorPrefixText);
        if (!error.hasExpressions()) {
            return error.append(S3Prefix.parse(DEFAULT_ERROR_TAIL));
        }
        if (!error.hasErrorOutputType()) {
            throw new PrefixException(Reason.ERROR_OUTPUT_TYPE_MISSING,
                "ErrorOutputPrefix with expressions must contain !{firehose:error-output-type}.");
        }
        return error;
    }
}
