package dev.freshet.web.server;

import dev.freshet.web.metrics.RequestDurations;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;

/**
 * Records each request in {@code freshet_request_duration_seconds} when its exchange completes, so
 * a streaming response (SubscribeToShard) is measured until its last byte. Labels come from
 * {@link RouteLabels}, set by the router.
 *
 * <p>Thread-safe.
 */
final class RequestMetricsHandler implements HttpHandler {

    private final RequestDurations durations;
    private final HttpHandler next;

    RequestMetricsHandler(RequestDurations durations, HttpHandler next) {
        this.durations = durations;
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        long start = System.nanoTime();
        exchange.addExchangeCompleteListener((done, nextListener) -> {
            try {
                RouteLabels labels = RouteLabels.of(done);
                durations.record(labels.service(), labels.operation(), done.getStatusCode(),
                    System.nanoTime() - start);
            } finally {
                nextListener.proceed();
            }
        });
        next.handleRequest(exchange);
    }
}
