package dev.freshet.web.server;

import io.undertow.io.Receiver;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.RequestTooBigException;
import io.undertow.util.StatusCodes;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The error callback service handlers should give Undertow's {@link Receiver} when they read a
 * request body: a body over {@code max-request-bytes} becomes 413 {@code SerializationException};
 * any other read failure (the client went away, a broken chunk) becomes 400
 * {@code SerializationException} if the response has not started, and is logged at DEBUG.
 * Undertow's own default callback would print a stack trace and answer a bare 500.
 *
 * <pre>{@code FullBodyReceiver.receive(exchange, this::handleBody, RequestBodyErrors.CALLBACK);}</pre>
 *
 * <p>Thread-safe (stateless).
 */
public final class RequestBodyErrors implements Receiver.ErrorCallback {

    public static final Receiver.ErrorCallback CALLBACK = new RequestBodyErrors();
    private static final Logger LOG = LoggerFactory.getLogger(RequestBodyErrors.class);

    private RequestBodyErrors() {
    }

    @Override
    public void error(HttpServerExchange exchange, IOException failure) {
        if (exchange.isResponseStarted()) {
            exchange.endExchange();
        } else if (failure instanceof RequestTooBigException || failure instanceof Receiver.RequestToLargeException) {
            RequestSizeLimitHandler.refuse(exchange);
        } else {
            LOG.atDebug().setMessage("Could not read a request body").setCause(failure)
                .addKeyValue("requestId", RequestIdHandler.of(exchange)).log();
            exchange.setPersistent(false);
            ErrorResponder.of(exchange).send(exchange, StatusCodes.BAD_REQUEST, ErrorResponder.SERIALIZATION,
                "Could not read the request body");
        }
    }
}
