package dev.freshet.web.video;

import dev.freshet.fragments.video.VideoErrorType;
import io.undertow.server.HttpServerExchange;

import java.util.Deque;
import java.util.Optional;
import java.util.function.Function;

/**
 * Query parameters of playback URLs (session tokens, fragment numbers, LL-HLS reload positions),
 * a malformed number answered as the service's InvalidArgumentException.
 *
 * <p>Stateless; thread-safe.
 */
final class PlaybackQuery {

    private PlaybackQuery() {
    }

    /** The parameter's first value, or null. */
    static String string(HttpServerExchange exchange, String name) {
        Deque<String> values = exchange.getQueryParameters().get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    /** The parameter as a number, or null when absent. */
    static Long number(HttpServerExchange exchange, String name) {
        String value = string(exchange, name);
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw VideoErrorType.INVALID_ARGUMENT.exception("%s must be a number.", name);
        }
    }

    /** The sealed session of the URL's {@code SessionToken}; NotAuthorizedException when it does not open. */
    static <S> S session(HttpServerExchange exchange, Function<String, Optional<S>> open) {
        return open.apply(string(exchange, "SessionToken")).orElseThrow(() ->
            VideoErrorType.NOT_AUTHORIZED.exception("The session token is invalid or has expired."));
    }
}
