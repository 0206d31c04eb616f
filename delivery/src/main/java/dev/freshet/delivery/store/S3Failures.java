package dev.freshet.delivery.store;

import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Turns the S3 client's exceptions into {@link ObjectStoreException}s: the S3 error code, and
 * whether trying again can help. The one place S3 failures are classified.
 *
 * <p>Retryable: the store could not be reached or broke the connection (no S3 code, reported as
 * {@code IOException}), 5xx answers, throttling and request timeouts. Not retryable: every other
 * 4xx, above all a missing bucket and refused credentials, which only a configuration change mends.
 *
 * <p>Stateless, thread-safe.
 */
final class S3Failures {

    /** 4xx codes that clear up by themselves, so the caller's retry loop should keep going. */
    private static final Set<String> TRANSIENT_CODES = Set.of("SlowDown", "Throttling", "ThrottlingException",
        "RequestTimeout", "RequestTimeTooSkewed", "TooManyRequests", "RequestLimitExceeded", "OperationAborted");

    private S3Failures() {
    }

    static ObjectStoreException map(SdkException e, String bucket, String key) {
        if (e instanceof AwsServiceException service) {
            return fromService(service, bucket, key);
        }
        // no answer from the store: refused or reset connection, timeout, DNS, interrupted upload
        String why = e instanceof SdkClientException ? e.getMessage() : e.toString();
        return new ObjectStoreException("IOException", "S3 endpoint unreachable for " + bucket + "/" + key + ": " + why,
            true, e);
    }

    private static ObjectStoreException fromService(AwsServiceException e, String bucket, String key) {
        int status = e.statusCode();
        AwsErrorDetails details = e.awsErrorDetails();
        String code = details != null && details.errorCode() != null ? details.errorCode() : "HTTP" + status;
        String message = details != null && details.errorMessage() != null ? details.errorMessage() : e.getMessage();
        boolean retryable = status >= 500 || status == 429 || TRANSIENT_CODES.contains(code) || e.isThrottlingException();
        return new ObjectStoreException(code, code + " (" + status + ") storing " + bucket + "/" + key + ": " + message,
            retryable, e);
    }
}
