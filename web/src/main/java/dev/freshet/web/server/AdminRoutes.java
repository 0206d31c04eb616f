package dev.freshet.web.server;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Methods;

/**
 * Serves the operator endpoints {@code GET /health} and {@code GET /metrics} and passes everything
 * else on. It sits before the shutdown gate, so health keeps answering {@code DOWN} (and metrics
 * keep answering) while in-flight requests drain.
 *
 * <p>Thread-safe.
 */
final class AdminRoutes implements HttpHandler {

    private static final RouteLabels HEALTH = new RouteLabels("freshet", "Health");
    private static final RouteLabels METRICS = new RouteLabels("freshet", "Metrics");

    private final HttpHandler health;
    private final HttpHandler metrics;
    private final HttpHandler next;

    AdminRoutes(HttpHandler health, HttpHandler metrics, HttpHandler next) {
        this.health = health;
        this.metrics = metrics;
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        boolean get = exchange.getRequestMethod().equals(Methods.GET);
        String path = exchange.getRequestPath();
        if (get && path.equals("/health")) {
            RouteLabels.set(exchange, HEALTH);
            health.handleRequest(exchange);
        } else if (get && path.equals("/metrics")) {
            RouteLabels.set(exchange, METRICS);
            metrics.handleRequest(exchange);
        } else {
            next.handleRequest(exchange);
        }
    }
}
