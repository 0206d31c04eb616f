package dev.freshet.web.server;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;

/**
 * The {@code service} and {@code operation} labels of a request's latency, set by whichever
 * handler routed it and read when the exchange completes. Requests no router claimed are
 * {@link #UNROUTED}.
 */
record RouteLabels(String service, String operation) {

    static final RouteLabels UNROUTED = new RouteLabels("freshet", "Unrouted");
    static final RouteLabels UNKNOWN_TARGET = new RouteLabels("unknown", "unknown");
    private static final AttachmentKey<RouteLabels> ATTACHMENT = AttachmentKey.create(RouteLabels.class);

    static void set(HttpServerExchange exchange, RouteLabels labels) {
        exchange.putAttachment(ATTACHMENT, labels);
    }

    /**
     * The labels for a completed exchange. A service that answered UnknownOperationException is
     * labelled with operation {@code unknown}, so made-up operation names add no series.
     */
    static RouteLabels of(HttpServerExchange exchange) {
        RouteLabels labels = exchange.getAttachment(ATTACHMENT);
        if (labels == null) {
            return UNROUTED;
        }
        String errorType = exchange.getResponseHeaders().getFirst(ErrorResponder.ERROR_TYPE_HEADER);
        if (errorType != null && errorType.startsWith(ErrorResponder.UNKNOWN_OPERATION)) {
            return new RouteLabels(labels.service, "unknown");
        }
        return labels;
    }
}
