package dev.freshet.web.server;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Routes by URL path to the modules' {@link PathRoute}s (exact paths first, then the longest
 * matching prefix) and passes every other request on (to the {@code X-Amz-Target} router).
 *
 * <p>Thread-safe: routes are fixed at construction.
 */
final class PathRouter implements HttpHandler {

    private final Map<String, PathRoute> exact = new HashMap<>();
    private final List<PathRoute> prefixes;
    private final HttpHandler next;

    PathRouter(List<PathRoute> routes, HttpHandler next) {
        for (PathRoute route : routes) {
            if (!route.prefix() && exact.putIfAbsent(route.path(), route) != null) {
                throw new IllegalArgumentException("two routes for path " + route.path());
            }
        }
        this.prefixes = routes.stream().filter(PathRoute::prefix)
            .sorted(Comparator.comparingInt((PathRoute r) -> r.path().length()).reversed()).toList();
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        PathRoute route = find(exchange.getRequestPath());
        if (route == null) {
            next.handleRequest(exchange);
            return;
        }
        RouteLabels.set(exchange, new RouteLabels(route.service(), route.operation()));
        route.handler().handleRequest(exchange);
    }

    private PathRoute find(String path) {
        PathRoute route = exact.get(path);
        if (route != null) {
            return route;
        }
        for (PathRoute candidate : prefixes) {
            if (path.startsWith(candidate.path())) {
                return candidate;
            }
        }
        return null;
    }
}
