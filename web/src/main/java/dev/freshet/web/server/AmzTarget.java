package dev.freshet.web.server;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import io.undertow.util.HttpString;
import java.util.Optional;

/**
 * The {@code X-Amz-Target} header of an AWS JSON/CBOR request, split at its first dot:
 * {@code Kinesis_20131202.PutRecord} is service {@code Kinesis_20131202}, operation
 * {@code PutRecord}. The router attaches it to the exchange before calling a service's handler,
 * so handlers read {@link #of(HttpServerExchange)} instead of parsing the header again.
 *
 * @param service   the part before the dot, which selects the handler
 * @param operation the part after the dot, never empty
 */
public record AmzTarget(String service, String operation) {

    public static final HttpString HEADER = new HttpString("X-Amz-Target");
    static final AttachmentKey<AmzTarget> ATTACHMENT = AttachmentKey.create(AmzTarget.class);

    /** The target of a well-formed header ({@code service.operation}, both non-empty). */
    public static Optional<AmzTarget> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String trimmed = header.trim();
        int dot = trimmed.indexOf('.');
        if (dot <= 0 || dot == trimmed.length() - 1) {
            return Optional.empty();
        }
        return Optional.of(new AmzTarget(trimmed.substring(0, dot), trimmed.substring(dot + 1)));
    }

    /** The target the router matched for this exchange; present inside a service's handler. */
    public static Optional<AmzTarget> of(HttpServerExchange exchange) {
        return Optional.ofNullable(exchange.getAttachment(ATTACHMENT));
    }
}
