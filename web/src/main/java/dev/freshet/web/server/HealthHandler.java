package dev.freshet.web.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.StatusCodes;

/**
 * {@code GET /health}: 200 {@code {"status":"UP","version":"…","uptimeSeconds":…}} while serving,
 * 503 {@code {"status":"STARTING"}} or {@code {"status":"DOWN"}} otherwise, for load balancers and
 * orchestrators.
 *
 * <p>Thread-safe.
 */
final class HealthHandler implements HttpHandler {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Health health;

    HealthHandler(Health health) {
        this.health = health;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws JsonProcessingException {
        Health.State state = health.state();
        ObjectNode body = MAPPER.createObjectNode().put("status", state.name());
        if (state == Health.State.UP) {
            body.put("version", BuildInfo.version()).put("uptimeSeconds", health.uptimeSeconds());
        }
        exchange.setStatusCode(state == Health.State.UP ? StatusCodes.OK : StatusCodes.SERVICE_UNAVAILABLE);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
        exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
        exchange.getResponseSender().send(MAPPER.writeValueAsString(body));
    }
}
