package dev.freshet.delivery.process.lambda;

/**
 * An invocation failed as a whole: every record in it fails with this error code, unless a retry
 * succeeds.
 */
final class LambdaFailure extends Exception {

    static final String FUNCTION_ERROR = "Lambda.FunctionError";
    static final String FUNCTION_ERROR_MESSAGE =
        "The Lambda function was successfully invoked but it returned an error result.";
    static final String JSON_PROCESSING = "Lambda.JsonProcessingException";
    static final String MISSING_RECORD_ID = "Lambda.MissingRecordId";
    static final String DUPLICATED_RECORD_ID = "Lambda.DuplicatedRecordId";
    static final String RESOURCE_NOT_FOUND = "Lambda.ResourceNotFound";

    private final String errorCode;
    private final boolean retryable;

    LambdaFailure(String errorCode, String message, boolean retryable) {
        super(message);
        this.errorCode = errorCode;
        this.retryable = retryable;
    }

    String errorCode() {
        return errorCode;
    }

    /** Invocation errors (network, timeout, throttling, function errors) are retried; a bad answer is not. */
    boolean retryable() {
        return retryable;
    }
}
