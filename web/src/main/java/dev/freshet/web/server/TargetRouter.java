package dev.freshet.web.server;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Methods;
import io.undertow.util.StatusCodes;
import java.util.Map;
import java.util.Optional;

/**
 * Routes AWS JSON/CBOR calls ({@code POST /} with {@code X-Amz-Target: <service>.<operation>}) to
 * the handler registered for the service prefix, e.g. {@code Kinesis_20131202}. A call without a
 * well-formed target or for an unregistered service gets 400 {@code UnknownOperationException},
 * as AWS answers; any other method or path gets 404.
 *
 * <p>Thread-safe: the handler map is fixed at construction.
 */
final class TargetRouter implements HttpHandler {

    private final Map<String, HttpHandler> handlers;

    /** @param handlers handler per service prefix */
    TargetRouter(Map<String, HttpHandler> handlers) {
        this.handlers = Map.copyOf(handlers);
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        if (!exchange.getRequestPath().equals("/") || !exchange.getRequestMethod().equals(Methods.POST)) {
            RouteLabels.set(exchange, new RouteLabels("freshet", "NotFound"));
            ErrorResponder.of(exchange).send(exchange, StatusCodes.NOT_FOUND, "NotFoundException",
                "No resource at " + exchange.getRequestMethod() + " " + exchange.getRequestPath());
            return;
        }
        Optional<AmzTarget> target = AmzTarget.parse(exchange.getRequestHeaders().getFirst(AmzTarget.HEADER));
        HttpHandler handler = target.map(t -> handlers.get(t.service())).orElse(null);
        if (handler == null) {
            RouteLabels.set(exchange, RouteLabels.UNKNOWN_TARGET);
            ErrorResponder.of(exchange).send(exchange, StatusCodes.BAD_REQUEST, ErrorResponder.UNKNOWN_OPERATION, null);
            return;
        }
        exchange.putAttachment(AmzTarget.ATTACHMENT, target.get());
        RouteLabels.set(exchange, new RouteLabels(target.get().service(), target.get().operation()));
        handler.handleRequest(exchange);
    }
}
