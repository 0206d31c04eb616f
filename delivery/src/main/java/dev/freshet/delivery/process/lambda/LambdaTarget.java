package dev.freshet.delivery.process.lambda;

import java.net.URI;
import java.util.regex.Pattern;

/** Recognises the two forms of a LambdaArn parameter: a function ARN and a function URL. */
final class LambdaTarget {

    /** The Lambda model's function ARN pattern (with an optional version or alias qualifier). */
    private static final Pattern FUNCTION_ARN = Pattern.compile(
        "arn:(aws[a-zA-Z-]*)?:lambda:[a-z]{2}((-gov)|(-iso(b?)))?-[a-z]+-\\d{1}:\\d{12}:function:[a-zA-Z0-9-_\\.]+"
            + "(:(\\$LATEST|[a-zA-Z0-9-_]+))?");

    private LambdaTarget() {
    }

    static boolean isFunctionArn(String value) {
        return FUNCTION_ARN.matcher(value).matches();
    }

    static boolean isHttpUrl(String value) {
        if (!value.startsWith("http://") && !value.startsWith("https://")) {
            return false;
        }
        try {
            URI uri = URI.create(value);
            return uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Index of the ':' before a qualifier ({@code …:function:name:qualifier}), or -1. */
    static int qualifierStart(String arn) {
        int function = arn.indexOf(":function:");
        int colon = function < 0 ? -1 : arn.indexOf(':', function + ":function:".length());
        return colon;
    }
}
