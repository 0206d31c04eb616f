package dev.freshet.web.protocol;

import java.util.Objects;

/**
 * One error answer of the Kinesis API: the {@code __type} name, the HTTP status and an optional
 * message (null: the body carries no message, as for {@code UnknownOperationException}).
 *
 * <p>The factories cover every error the Kinesis model declares (all HTTP 400 except
 * {@code InternalFailureException}, 500) and the Coral framework errors a Kinesis endpoint answers
 * with: {@code SerializationException}, {@code ValidationException}, {@code UnknownOperationException},
 * the authentication errors (400 in JSON/CBOR, as the service answers a well-formed request),
 * {@code InternalFailure} (500) and {@code ServiceUnavailable} (503).
 *
 * <p>Immutable and thread-safe.
 */
public record AwsError(String type, int httpStatus, String message) {

    public AwsError {
        Objects.requireNonNull(type, "type");
        if (httpStatus < 400 || httpStatus > 599) {
            throw new IllegalArgumentException("not an error status: " + httpStatus);
        }
    }

    /** True for 5xx errors: the client may retry, and the server side should log them. */
    public boolean isServerError() {
        return httpStatus >= 500;
    }

    /** The same error with another message. */
    public AwsError withMessage(String newMessage) {
        return new AwsError(type, httpStatus, newMessage);
    }

    // ---- errors of the Kinesis model ------------------------------------------------------

    public static AwsError accessDenied(String message) {
        return clientError("AccessDeniedException", message);
    }

    public static AwsError expiredIterator(String message) {
        return clientError("ExpiredIteratorException", message);
    }

    public static AwsError expiredNextToken(String message) {
        return clientError("ExpiredNextTokenException", message);
    }

    /** The modelled {@code InternalFailureException} (GetRecords, PutRecord(s), event-stream frames). */
    public static AwsError internalFailureException(String message) {
        return new AwsError("InternalFailureException", 500, message);
    }

    public static AwsError invalidArgument(String message) {
        return clientError("InvalidArgumentException", message);
    }

    public static AwsError kmsAccessDenied(String message) {
        return clientError("KMSAccessDeniedException", message);
    }

    public static AwsError kmsDisabled(String message) {
        return clientError("KMSDisabledException", message);
    }

    public static AwsError kmsInvalidState(String message) {
        return clientError("KMSInvalidStateException", message);
    }

    public static AwsError kmsNotFound(String message) {
        return clientError("KMSNotFoundException", message);
    }

    public static AwsError kmsOptInRequired(String message) {
        return clientError("KMSOptInRequired", message);
    }

    public static AwsError kmsThrottling(String message) {
        return clientError("KMSThrottlingException", message);
    }

    public static AwsError limitExceeded(String message) {
        return clientError("LimitExceededException", message);
    }

    public static AwsError provisionedThroughputExceeded(String message) {
        return clientError("ProvisionedThroughputExceededException", message);
    }

    public static AwsError resourceInUse(String message) {
        return clientError("ResourceInUseException", message);
    }

    public static AwsError resourceNotFound(String message) {
        return clientError("ResourceNotFoundException", message);
    }

    /** A constraint violation; {@link ShapeValidator} builds the service's message. */
    public static AwsError validation(String message) {
        return clientError("ValidationException", message);
    }

    // ---- Coral framework errors -----------------------------------------------------------

    /** The body could not be read, or a member had the wrong type (body key {@code Message}). */
    public static AwsError serialization(String message) {
        return clientError("SerializationException", message);
    }

    /** Unknown {@code X-Amz-Target}; the service sends no message. */
    public static AwsError unknownOperation() {
        return clientError("UnknownOperationException", null);
    }

    /** Neither an {@code Authorization} header nor SigV4 query parameters. */
    public static AwsError missingAuthenticationToken() {
        return clientError("MissingAuthenticationTokenException", "Missing Authentication Token");
    }

    /** An {@code Authorization} header or query signature missing required parts. */
    public static AwsError incompleteSignature(String message) {
        return clientError("IncompleteSignatureException", message);
    }

    /** A signature that does not verify, or is expired. */
    public static AwsError invalidSignature(String message) {
        return clientError("InvalidSignatureException", message);
    }

    /** An access key the server does not know. */
    public static AwsError unrecognizedClient(String message) {
        return clientError("UnrecognizedClientException", message);
    }

    /** A request rate limit of the endpoint (not of a shard). */
    public static AwsError throttling(String message) {
        return clientError("ThrottlingException", message);
    }

    /** An unexpected server fault; the service sends no message. */
    public static AwsError internalFailure() {
        return new AwsError("InternalFailure", 500, null);
    }

    /** The server cannot take the request now (shutting down, overloaded). */
    public static AwsError serviceUnavailable(String message) {
        return new AwsError("ServiceUnavailable", 503, message);
    }

    private static AwsError clientError(String type, String message) {
        return new AwsError(type, 400, message);
    }
}
