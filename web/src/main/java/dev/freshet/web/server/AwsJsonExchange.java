package dev.freshet.web.server;

import dev.freshet.web.protocol.AwsError;
import dev.freshet.web.protocol.ErrorEncoder;
import dev.freshet.web.protocol.WireFormat;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.nio.ByteBuffer;

/**
 * Answers of the AWS JSON/CBOR endpoints ({@code X-Amz-Target} services): the request's wire
 * format, a body in it, or an error as {@code {"__type", "message"}} with the error's status and
 * the {@code x-amzn-ErrorType} header. Shared by every such service's handler.
 *
 * <p>Stateless, thread-safe.
 */
public final class AwsJsonExchange {

    private static final HttpString ERROR_TYPE = new HttpString(ErrorEncoder.ERROR_TYPE_HEADER);

    private AwsJsonExchange() {
    }

    /**
     * The request's encoding by its Content-Type (AWS JSON 1.1 when there is none), or null after
     * answering SerializationException for a type no codec reads.
     */
    public static WireFormat formatOrRefuse(HttpServerExchange exchange) {
        String contentType = exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE);
        WireFormat format = contentType == null ? WireFormat.JSON : WireFormat.fromContentType(contentType).orElse(null);
        if (format == null) {
            error(exchange, WireFormat.JSON, AwsError.serialization("Unsupported Content-Type: " + contentType));
        }
        return format;
    }

    /** 200 with {@code body} in {@code format}. */
    public static void respond(HttpServerExchange exchange, WireFormat format, ByteBuffer body) {
        exchange.setStatusCode(200);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, format.contentType());
        sendFromIoThread(exchange, body);
    }

    /** The error's status, type header and body in {@code format}. */
    public static void error(HttpServerExchange exchange, WireFormat format, AwsError error) {
        exchange.setStatusCode(error.httpStatus());
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, format.contentType());
        exchange.getResponseHeaders().put(ERROR_TYPE, ErrorEncoder.errorTypeHeader(error));
        sendFromIoThread(exchange, ByteBuffer.wrap(ErrorEncoder.encode(error, format)));
    }

    /**
     * Sends {@code body} and ends the exchange on the connection's I/O thread. Ending an HTTP/1.1
     * exchange from a worker thread makes Undertow hand the connection back to its I/O thread
     * through a compare-and-set that the I/O thread spins on when the client's next request
     * arrives in between (it does, on loopback, as soon as the response is out): under PutRecords
     * load that spinning was a sixth of the server's CPU. From the I/O thread the hand-back is
     * direct.
     */
    private static void sendFromIoThread(HttpServerExchange exchange, ByteBuffer body) {
        if (exchange.isInIoThread()) {
            exchange.getResponseSender().send(body);
        } else {
            // dispatch, not execute: inside a handler call it also keeps Undertow from ending the exchange
            exchange.dispatch(exchange.getIoThread(), () -> exchange.getResponseSender().send(body));
        }
    }
}
