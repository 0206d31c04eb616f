package dev.freshet.web.server;

import io.undertow.io.Receiver;
import io.undertow.server.DefaultResponseListener;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.RequestTooBigException;
import io.undertow.util.AttachmentKey;
import io.undertow.util.StatusCodes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * Turns failures into AWS-style error responses instead of bare statuses or dead connections.
 *
 * <ul>
 *   <li>An exception thrown by the rest of the chain: logged with the request id, then
 *   500 {@code InternalFailure} (413 {@code SerializationException} for a body over the limit).</li>
 *   <li>An exception thrown after the handler dispatched to a worker thread, which Undertow catches
 *   itself, and a bare 413/500/503 that a handler or Undertow ended without a body: answered by a
 *   {@link DefaultResponseListener} with the same bodies (503 is {@code ServiceUnavailable}).</li>
 * </ul>
 *
 * If the response had already started, nothing can be sent: the exchange is ended. Failures caught
 * here are logged with their stack trace; for those Undertow caught (it logs the stack itself as
 * {@code UT005071}) one line with the request id is added.
 *
 * <p>Thread-safe.
 */
final class ErrorResponseHandler implements HttpHandler {

    static final AttachmentKey<ErrorResponder> RESPONDER = AttachmentKey.create(ErrorResponder.class);
    private static final Logger LOG = LoggerFactory.getLogger(ErrorResponseHandler.class);

    private final ErrorResponder responder;
    private final HttpHandler next;

    ErrorResponseHandler(ErrorResponder responder, HttpHandler next) {
        this.responder = responder;
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        exchange.putAttachment(RESPONDER, responder);
        exchange.addDefaultResponseListener(this::answerBareError);
        try {
            next.handleRequest(exchange);
        } catch (Throwable failure) {
            log(exchange, failure, true);
            exchange.putAttachment(DefaultResponseListener.EXCEPTION, failure);
            if (exchange.isResponseStarted()) {
                exchange.endExchange();
            } else {
                answer(exchange, failure, StatusCodes.INTERNAL_SERVER_ERROR);
            }
        }
    }

    private boolean answerBareError(HttpServerExchange exchange) {
        Throwable failure = exchange.getAttachment(DefaultResponseListener.EXCEPTION);
        int status = exchange.getStatusCode();
        boolean bare = status == StatusCodes.INTERNAL_SERVER_ERROR || status == StatusCodes.SERVICE_UNAVAILABLE
            || status == StatusCodes.REQUEST_ENTITY_TOO_LARGE;
        if (exchange.isResponseStarted() || (failure == null && !bare)) {
            return false;
        }
        if (failure != null) {
            log(exchange, failure, false);
        }
        answer(exchange, failure, status);
        return true;
    }

    private void answer(HttpServerExchange exchange, Throwable failure, int status) {
        if (isTooLarge(failure) || status == StatusCodes.REQUEST_ENTITY_TOO_LARGE) {
            RequestSizeLimitHandler.refuse(exchange);
        } else if (status == StatusCodes.SERVICE_UNAVAILABLE && failure == null) {
            responder.send(exchange, status, ErrorResponder.SERVICE_UNAVAILABLE, "Service unavailable");
        } else {
            responder.send(exchange, StatusCodes.INTERNAL_SERVER_ERROR, ErrorResponder.INTERNAL_FAILURE,
                "Internal server error (request id " + RequestIdHandler.of(exchange) + ")");
        }
    }

    private static boolean isTooLarge(Throwable failure) {
        return failure instanceof RequestTooBigException || failure instanceof Receiver.RequestToLargeException;
    }

    private static void log(HttpServerExchange exchange, Throwable failure, boolean withStackTrace) {
        if (isTooLarge(failure)) {
            return;
        }
        LoggingEventBuilder line = LOG.atError().setMessage("Request failed: {} {}: {}")
            .addArgument(exchange.getRequestMethod())
            .addArgument(exchange.getRequestPath())
            .addArgument(failure.toString())
            .addKeyValue("requestId", RequestIdHandler.of(exchange));
        AmzTarget.of(exchange).ifPresent(target -> line.addKeyValue("operation", target.operation()));
        if (withStackTrace) {
            line.setCause(failure);
        }
        line.log();
    }
}
