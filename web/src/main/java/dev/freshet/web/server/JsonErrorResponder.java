package dev.freshet.web.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;

/**
 * {@link ErrorResponder} in AWS JSON 1.1: {@code Content-Type: application/x-amz-json-1.1},
 * {@code x-amzn-ErrorType: <type>}, body {@code {"__type":"<type>","message":"<message>"}}.
 *
 * <p>Thread-safe.
 */
final class JsonErrorResponder implements ErrorResponder {

    static final String CONTENT_TYPE = "application/x-amz-json-1.1";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public void send(HttpServerExchange exchange, int status, String type, String message) {
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, CONTENT_TYPE);
        exchange.getResponseHeaders().put(ERROR_TYPE_HEADER, type);
        exchange.getResponseSender().send(body(type, message));
    }

    static String body(String type, String message) {
        ObjectNode body = MAPPER.createObjectNode().put("__type", type);
        if (message != null) {
            body.put("message", message);
        }
        try {
            return MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON error body", e);
        }
    }
}
