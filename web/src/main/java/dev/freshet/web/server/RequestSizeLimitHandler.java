package dev.freshet.web.server;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.StatusCodes;

/**
 * Refuses request bodies over {@code max-request-bytes}. A declared {@code Content-Length} over the
 * limit is answered at once with 413 {@code SerializationException} (before any
 * {@code 100 Continue}) and the connection is closed afterwards. A body of unknown length (chunked)
 * gets the limit as the exchange's max entity size: reading past it fails with Undertow's
 * {@code RequestTooBigException}, which {@link RequestBodyErrors} and the server's error handling
 * turn into the same 413.
 *
 * <p>A handler that must accept more (a long media upload) may raise the limit with
 * {@code exchange.setMaxEntitySize(...)} before it starts reading. Thread-safe.
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
        if (exchange.isRequestChannelAvailable()) {
            exchange.setMaxEntitySize(maxBytes);
        }
        next.handleRequest(exchange);
    }

    /** Answers 413 and closes the connection, whose unread body cannot be trusted any more. */
    static void refuse(HttpServerExchange exchange) {
        exchange.setPersistent(false);
        ErrorResponder.of(exchange).send(exchange, StatusCodes.REQUEST_ENTITY_TOO_LARGE,
            ErrorResponder.SERIALIZATION, TOO_LARGE_MESSAGE);
    }
}
