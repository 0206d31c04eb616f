package dev.freshet.web.server;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;

/**
 * The most request-body bytes a handler may read on one exchange: {@code max-request-bytes} unless
 * the handler raised it. A service that streams long uploads calls {@link #set} before it starts
 * reading. Reading past the limit fails with Undertow's {@code RequestTooBigException}, which
 * {@link RequestBodyErrors} turns into 413.
 *
 * <p>Thread-safe (an exchange attachment).
 */
public final class RequestBodyLimit {

    private static final AttachmentKey<Long> LIMIT = AttachmentKey.create(Long.class);

    private RequestBodyLimit() {
    }

    /** Sets this exchange's body limit in bytes. */
    public static void set(HttpServerExchange exchange, long maxBytes) {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("maxBytes must not be negative: " + maxBytes);
        }
        exchange.putAttachment(LIMIT, maxBytes);
    }

    /** This exchange's body limit in bytes; unlimited outside the server's chain. */
    public static long of(HttpServerExchange exchange) {
        Long limit = exchange.getAttachment(LIMIT);
        return limit != null ? limit : Long.MAX_VALUE;
    }
}
