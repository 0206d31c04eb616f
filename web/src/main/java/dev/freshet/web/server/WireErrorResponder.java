package dev.freshet.web.server;

import dev.freshet.web.protocol.AwsError;
import dev.freshet.web.protocol.ErrorEncoder;
import dev.freshet.web.protocol.WireFormat;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;

import java.nio.ByteBuffer;

/**
 * {@link ErrorResponder} that answers in the request's encoding: CBOR for
 * {@code application/x-amz-cbor-1.1} requests (the AWS SDK for Java's default for Kinesis, which
 * cannot read a JSON error body), AWS JSON 1.1 otherwise. Used for the errors the server raises
 * itself (body too large, unknown target, internal failure, shutting down).
 *
 * <p>Thread-safe.
 */
final class WireErrorResponder implements ErrorResponder {

    @Override
    public void send(HttpServerExchange exchange, int status, String type, String message) {
        String contentType = exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE);
        WireFormat format = contentType == null ? WireFormat.JSON
            : WireFormat.fromContentType(contentType).orElse(WireFormat.JSON);
        AwsError error = new AwsError(type, status, message);
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, format.contentType());
        exchange.getResponseHeaders().put(ERROR_TYPE_HEADER, type);
        exchange.getResponseSender().send(ByteBuffer.wrap(ErrorEncoder.encode(error, format)));
    }
}
