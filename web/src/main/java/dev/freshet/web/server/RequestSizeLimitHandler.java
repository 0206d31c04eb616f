package dev.freshet.web.server;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.StatusCodes;

/**
 * Refuses request bodies over {@code max-request-bytes}. A declared {@code Content-Length} over the
 * limit is answered at once with 413 {@code SerializationException} (before any
 * {@code 100 Continue}) and the connection is closed afterwards. Any other body (chunked, or HTTP/2
 * without content-length) is read through a {@link BodyLimitConduit}: the read that passes the
 * limit fails with Undertow's {@code RequestTooBigException}, which {@link RequestBodyErrors} and
 * the server's error handling turn into the same 413.
 *
 * <p>A handler that must accept more (a long media upload) raises its exchange's limit with
 * {@link RequestBodyLimit#set} before it starts reading. Thread-safe.
 */
final class RequestSizeLimitHandler implements HttpHandler {

    static final String TOO_LARGE_MESSAGE = "Request body too large";

    private final long maxBytes;
    private final HttpHandler next;

    RequestSizeLimitHandler(long maxBytes, HttpHandler next) {
        this.maxBytes = maxBytes;
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        if (exchange.getRequestContentLength() > maxBytes) {
            refuse(exchange);
            return;
        }
        RequestBodyLimit.set(exchange, maxBytes);
        exchange.addRequestWrapper((body, wrapped) -> new BodyLimitConduit(body.create(), wrapped));
        next.handleRequest(exchange);
    }

    /** Answers 413 and closes the connection, whose unread body cannot be trusted any more. */
    static void refuse(HttpServerExchange exchange) {
        exchange.setPersistent(false);
        ErrorResponder.of(exchange).send(exchange, StatusCodes.REQUEST_ENTITY_TOO_LARGE,
            ErrorResponder.SERIALIZATION, TOO_LARGE_MESSAGE);
    }
}
