package dev.freshet.web.server;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * Logs one DEBUG line per request on logger {@code dev.freshet.web.access} when the exchange
 * completes (a streaming response is logged when it ends): method, path, status, duration, bytes
 * sent, protocol, request id and, for AWS calls, the target. Costs nothing when DEBUG is off.
 *
 * <p>Thread-safe.
 */
final class AccessLogHandler implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger("dev.freshet.web.access");

    private final HttpHandler next;

    AccessLogHandler(HttpHandler next) {
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        if (LOG.isDebugEnabled()) {
            long start = System.nanoTime();
            exchange.addExchangeCompleteListener((done, nextListener) -> {
                try {
                    log(done, start);
                } finally {
                    nextListener.proceed();
                }
            });
        }
        next.handleRequest(exchange);
    }

    private static void log(HttpServerExchange exchange, long startNanos) {
        LoggingEventBuilder line = LOG.atDebug().setMessage("{} {} {}")
            .addArgument(exchange.getRequestMethod())
            .addArgument(exchange.getRequestPath())
            .addArgument(exchange.getStatusCode())
            .addKeyValue("durationMs", (System.nanoTime() - startNanos) / 1_000_000)
            .addKeyValue("bytesSent", exchange.getResponseBytesSent())
            .addKeyValue("protocol", exchange.getProtocol());
        AmzTarget.of(exchange).ifPresent(target ->
            line.addKeyValue("target", target.service() + "." + target.operation()));
        line.addKeyValue("requestId", RequestIdHandler.of(exchange)).log();
    }
}
