package dev.freshet.web.server;

import io.undertow.server.HttpHandler;

import java.util.Objects;

/**
 * A route by URL path, for services that are not AWS JSON/CBOR: REST-JSON operations
 * ({@code POST /createStream}) and resources (HLS playlists and segments under {@code /hls/}).
 *
 * @param service label of the request-latency metric (e.g. {@code kinesisvideo})
 * @param path    the exact path, or with {@code prefix} every path that starts with it
 * @param prefix  whether {@code path} is a prefix
 * @param handler answers every method on the path; it decides which methods it allows
 */
public record PathRoute(String service, String path, boolean prefix, HttpHandler handler) {

    public PathRoute {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(handler, "handler");
        if (path == null || !path.startsWith("/") || path.equals("/")) {
            throw new IllegalArgumentException("a route path starts with / and is not the root: " + path);
        }
    }

    public static PathRoute exact(String service, String path, HttpHandler handler) {
        return new PathRoute(service, path, false, handler);
    }

    public static PathRoute under(String service, String prefix, HttpHandler handler) {
        return new PathRoute(service, prefix, true, handler);
    }

    /** The metric's operation label: the path itself (so labels stay few for prefix routes too). */
    String operation() {
        return prefix ? path + "*" : path.substring(1);
    }
}
