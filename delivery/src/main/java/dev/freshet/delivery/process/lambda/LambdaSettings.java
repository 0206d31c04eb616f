package dev.freshet.delivery.process.lambda;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How the Lambda processor reaches functions. Freshet runs no Lambda: a processor's
 * {@code LambdaArn} is either an {@code http(s)://} function URL called directly, or an
 * {@code arn:aws:lambda:…} ARN looked up in {@link #functionUrls} (the server setting
 * {@code delivery-lambda-urls}, {@code arn=url,arn=url}).
 *
 * @param functionUrls function ARN → URL; an ARN with a {@code :qualifier} is also found under its bare ARN
 * @param invocationTimeout how long one invocation may take before it counts as failed (Lambda's
 *     own limit is 5 minutes; tests shorten it)
 * @param retryBackoff the pause before the first retry, doubling up to 30 s after it
 */
public record LambdaSettings(Map<String, URI> functionUrls, Duration invocationTimeout, Duration retryBackoff) {

    public static final Duration DEFAULT_INVOCATION_TIMEOUT = Duration.ofMinutes(5);
    public static final Duration DEFAULT_RETRY_BACKOFF = Duration.ofSeconds(1);

    public LambdaSettings {
        functionUrls = Map.copyOf(functionUrls);
        Objects.requireNonNull(invocationTimeout, "invocationTimeout");
        Objects.requireNonNull(retryBackoff, "retryBackoff");
    }

    public static LambdaSettings defaults() {
        return new LambdaSettings(Map.of(), DEFAULT_INVOCATION_TIMEOUT, DEFAULT_RETRY_BACKOFF);
    }

    /**
     * Parses the {@code delivery-lambda-urls} setting: {@code arn=url} pairs separated by commas.
     *
     * @throws IllegalArgumentException naming the bad pair
     */
    public static Map<String, URI> parseFunctionUrls(String setting) {
        Map<String, URI> urls = new LinkedHashMap<>();
        if (setting == null || setting.isBlank()) {
            return urls;
        }
        for (String pair : setting.split(",")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("delivery-lambda-urls: expected arn=url, got '" + pair.trim() + "'");
            }
            String arn = pair.substring(0, eq).trim();
            URI url = URI.create(pair.substring(eq + 1).trim());
            if (!LambdaTarget.isHttpUrl(url.toString()) || !LambdaTarget.isFunctionArn(arn)) {
                throw new IllegalArgumentException("delivery-lambda-urls: expected arn:aws:lambda:…=http(s)://…, "
                    + "got '" + pair.trim() + "'");
            }
            urls.put(arn, url);
        }
        return urls;
    }

    /** The URL to call for a LambdaArn parameter, empty when an ARN has no mapping. */
    Optional<URI> resolve(String lambdaArn) {
        if (LambdaTarget.isHttpUrl(lambdaArn)) {
            return Optional.of(URI.create(lambdaArn));
        }
        URI url = functionUrls.get(lambdaArn);
        if (url == null && LambdaTarget.qualifierStart(lambdaArn) > 0) {
            url = functionUrls.get(lambdaArn.substring(0, LambdaTarget.qualifierStart(lambdaArn)));
        }
        return Optional.ofNullable(url);
    }
}
