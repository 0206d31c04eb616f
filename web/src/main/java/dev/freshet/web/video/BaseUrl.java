package dev.freshet.web.video;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;

import java.util.regex.Pattern;

/**
 * This server's base URL as a request reached it: the request's scheme and its {@code Host}
 * header (HTTP/2's {@code :authority} arrives there too), e.g. {@code http://127.0.0.1:4567}.
 * GetDataEndpoint answers it, so clients call the data plane where they called the control plane.
 * A missing or malformed Host falls back to the address the connection came in on.
 *
 * <p>Stateless and thread-safe.
 */
final class BaseUrl {

    /** A host name, IPv4 or bracketed IPv6 address, with an optional port. */
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]+(:[0-9]{1,5})?|\\[[0-9A-Fa-f:.]+](:[0-9]{1,5})?");

    private BaseUrl() {
    }

    static String of(HttpServerExchange exchange) {
        String host = exchange.getRequestHeaders().getFirst(Headers.HOST);
        if (host == null || !HOST.matcher(host).matches()) {
            host = exchange.getHostAndPort();
        }
        return exchange.getRequestScheme() + "://" + host;
    }
}
