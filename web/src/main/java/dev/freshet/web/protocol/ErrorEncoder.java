package dev.freshet.web.protocol;

import java.util.Map;

/**
 * Writes an {@link AwsError} the way the Kinesis endpoint does.
 *
 * <p>Body, in the request's format: <pre>{"__type":"ResourceNotFoundException","message":"…"}</pre>
 * The type carries no namespace. {@code SerializationException} spells its key {@code Message} (a
 * Coral quirk the SDKs accept); an error without a message has no message key
 * ({@code {"__type":"UnknownOperationException"}}).
 *
 * <p>Header {@value #ERROR_TYPE_HEADER}: {@code <type>:http://internal.amazon.com/coral/<namespace>/},
 * the Coral form every SDK cuts at the first colon. Namespaces: {@code com.amazon.coral.validate}
 * for ValidationException, {@code com.amazon.coral.availability} for throttling and unavailability,
 * {@code com.amazon.coral.service} for the other framework errors, and
 * {@code com.amazonaws.kinesis.v20131202} (the Coral model name the service prints in validation
 * messages) for Kinesis's own errors.
 *
 * <p>Thread-safe (stateless).
 */
public final class ErrorEncoder {

    public static final String ERROR_TYPE_HEADER = "x-amzn-ErrorType";

    private static final String CORAL_URL = "http://internal.amazon.com/coral/";
    private static final String KINESIS_NAMESPACE = "com.amazonaws.kinesis.v20131202";
    private static final String SERVICE_NAMESPACE = "com.amazon.coral.service";
    private static final Map<String, String> FRAMEWORK_NAMESPACES = Map.of(
            "ValidationException", "com.amazon.coral.validate",
            "ThrottlingException", "com.amazon.coral.availability",
            "ServiceUnavailable", "com.amazon.coral.availability",
            "SerializationException", SERVICE_NAMESPACE,
            "UnknownOperationException", SERVICE_NAMESPACE,
            "MissingAuthenticationTokenException", SERVICE_NAMESPACE,
            "IncompleteSignatureException", SERVICE_NAMESPACE,
            "InvalidSignatureException", SERVICE_NAMESPACE,
            "UnrecognizedClientException", SERVICE_NAMESPACE,
            "InternalFailure", SERVICE_NAMESPACE);

    private ErrorEncoder() {
    }

    /** The error body in {@code format}. */
    public static byte[] encode(AwsError error, WireFormat format) {
        OutputWriter writer = OutputWriter.create(format, 128).startObject().string("__type", error.type());
        return writer.string(messageKey(error), error.message()).endObject().toByteArray();
    }

    /** The value of the {@value #ERROR_TYPE_HEADER} response header. */
    public static String errorTypeHeader(AwsError error) {
        String namespace = FRAMEWORK_NAMESPACES.getOrDefault(error.type(), KINESIS_NAMESPACE);
        return error.type() + ':' + CORAL_URL + namespace + '/';
    }

    /** {@code Message} for SerializationException, {@code message} for everything else. */
    static String messageKey(AwsError error) {
        return "SerializationException".equals(error.type()) ? "Message" : "message";
    }
}
