package dev.freshet.web.video;

import dev.freshet.web.protocol.Shape.StructureShape;
import dev.freshet.web.server.PathRoute;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects REST-JSON operations as exact path routes, each served by a {@link RestJsonEndpoint}:
 * <pre>{@code new RestJsonRoutes("kinesisvideo").add("CreateStream", "/createStream", input, action).routes()}</pre>
 *
 * <p>Not thread-safe: fill it while the module opens, then hand over {@link #routes()}.
 */
public final class RestJsonRoutes {

    private final String service;
    private final List<PathRoute> routes = new ArrayList<>();

    /** @param service the request-metric label of these routes, e.g. {@code kinesisvideo} */
    public RestJsonRoutes(String service) {
        this.service = service;
    }

    /** Serves operation {@code operation} at {@code path} (exact, case-sensitive). */
    public RestJsonRoutes add(String operation, String path, StructureShape input, RestJsonAction action) {
        routes.add(PathRoute.exact(service, path, new RestJsonEndpoint(operation, input, action)));
        return this;
    }

    public List<PathRoute> routes() {
        return List.copyOf(routes);
    }
}
