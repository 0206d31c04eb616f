package dev.freshet.web.video;

import dev.freshet.web.protocol.AwsError;
import dev.freshet.web.protocol.OutputWriter;
import dev.freshet.web.protocol.WireFormat;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;

/**
 * Sends an error the way the Kinesis Video Streams endpoints do (REST-JSON):
 * <pre>
 *  HTTP/1.1 404 Not Found
 *  Content-Type: application/json
 *  x-amzn-ErrorType: ResourceNotFoundException
 *
 *  {"message":"The requested stream is not found or not active."}
 * </pre>
 * The type travels in the header only. Clients read it from there first: the AWS SDK for Java v2
 * ({@code JsonErrorCodeParser}: {@code x-amzn-ErrorType}, cut at a colon, before the body's
 * {@code __type}/{@code code}) and botocore ({@code RestJSONParser._inject_error_code}); both then
 * match the modelled exception by that name. Both read the message from {@code message} or
 * {@code Message}. Statuses come from {@link VideoErrors}; protocol errors (ValidationException,
 * SerializationException) keep theirs (400).
 *
 * <p>Stateless and thread-safe.
 */
public final class RestJsonErrors {

    public static final String CONTENT_TYPE = "application/json";
    private static final HttpString ERROR_TYPE = new HttpString("x-amzn-ErrorType");

    private RestJsonErrors() {
    }

    /** Sends {@code error} and ends the exchange. Call only before the response has started. */
    public static void send(HttpServerExchange exchange, AwsError error) {
        exchange.setStatusCode(error.httpStatus());
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, CONTENT_TYPE);
        exchange.getResponseHeaders().put(ERROR_TYPE, error.type());
        exchange.getResponseSender().send(body(error));
    }

    /** {@code {"message":"…"}}, or {@code {}} for an error without a message. */
    static java.nio.ByteBuffer body(AwsError error) {
        return OutputWriter.create(WireFormat.JSON, 128).startObject().string("message", error.message()).endObject()
            .toByteBuffer();
    }
}
