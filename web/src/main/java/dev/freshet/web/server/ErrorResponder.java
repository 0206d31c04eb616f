package dev.freshet.web.server;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.HttpString;

/**
 * Writes an AWS-style error response: the HTTP status, the error type in the
 * {@code x-amzn-ErrorType} header and a body with {@code __type} and {@code message}. The server
 * uses it for the errors it raises itself (unknown target, body too large, internal failure,
 * shutting down). It is the hook for the protocol codecs: a responder that answers in the
 * request's encoding (CBOR for CBOR requests) can replace {@link #JSON} when the server is built,
 * and any handler can reach the active one with {@link #of(HttpServerExchange)}.
 *
 * <p>Implementations must be thread-safe.
 */
@FunctionalInterface
public interface ErrorResponder {

    HttpString ERROR_TYPE_HEADER = new HttpString("x-amzn-ErrorType");
    String UNKNOWN_OPERATION = "UnknownOperationException";
    String SERIALIZATION = "SerializationException";
    String INTERNAL_FAILURE = "InternalFailure";
    String SERVICE_UNAVAILABLE = "ServiceUnavailable";

    /** AWS JSON 1.1 errors: {@code {"__type":"…","message":"…"}}. */
    ErrorResponder JSON = new JsonErrorResponder();

    /**
     * Sends the error and ends the exchange. Call only before the response has started.
     *
     * @param message shown to the client; null to send {@code __type} alone
     */
    void send(HttpServerExchange exchange, int status, String type, String message);

    /** The responder the server uses for this exchange. */
    static ErrorResponder of(HttpServerExchange exchange) {
        ErrorResponder responder = exchange.getAttachment(ErrorResponseHandler.RESPONDER);
        return responder != null ? responder : JSON;
    }
}
