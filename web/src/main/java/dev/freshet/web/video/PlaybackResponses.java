package dev.freshet.web.video;

import dev.freshet.fragments.hls.PlaybackException;
import dev.freshet.fragments.video.VideoException;
import dev.freshet.web.protocol.AwsError;
import dev.freshet.web.server.RequestIdHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import io.undertow.util.StatusCodes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * How playback resources (HLS and DASH playlists, manifests and segments, fetched by browsers from
 * other origins) are answered: CORS for every origin (the session token in the URL is the
 * credential, as with the service), preflights, HEAD, byte ranges on media, and errors in the
 * service's REST-JSON shape that a page can read.
 *
 * <p>Stateless; thread-safe.
 */
final class PlaybackResponses {

    /** Playlists change with every new part; segments under a session token never do. */
    static final String NO_CACHE = "no-cache";
    static final String IMMUTABLE = "max-age=300, immutable";

    private static final HttpString ALLOW_ORIGIN = new HttpString("Access-Control-Allow-Origin");
    private static final HttpString EXPOSE_HEADERS = new HttpString("Access-Control-Expose-Headers");
    private static final HttpString ALLOW_METHODS = new HttpString("Access-Control-Allow-Methods");
    private static final HttpString ALLOW_HEADERS = new HttpString("Access-Control-Allow-Headers");
    private static final HttpString REQUEST_HEADERS = new HttpString("Access-Control-Request-Headers");
    private static final HttpString MAX_AGE = new HttpString("Access-Control-Max-Age");
    private static final Logger LOG = LoggerFactory.getLogger(PlaybackResponses.class);

    private PlaybackResponses() {
    }

    /**
     * Adds the CORS headers and answers preflights and methods other than GET and HEAD; true when
     * the request still needs its resource.
     */
    static boolean admit(HttpServerExchange exchange) {
        HeaderMap headers = exchange.getResponseHeaders();
        headers.put(ALLOW_ORIGIN, "*");
        headers.put(EXPOSE_HEADERS, "Content-Length, Content-Range, x-amzn-ErrorType");
        if (exchange.getRequestMethod().equals(Methods.OPTIONS)) {
            headers.put(ALLOW_METHODS, "GET, HEAD, OPTIONS");
            String asked = exchange.getRequestHeaders().getFirst(REQUEST_HEADERS);
            headers.put(ALLOW_HEADERS, asked == null ? "Range" : asked);
            headers.put(MAX_AGE, "86400");
            exchange.setStatusCode(StatusCodes.NO_CONTENT);
            exchange.endExchange();
            return false;
        }
        if (!exchange.getRequestMethod().equals(Methods.GET) && !exchange.getRequestMethod().equals(Methods.HEAD)) {
            headers.put(Headers.ALLOW, "GET, HEAD, OPTIONS");
            exchange.setStatusCode(StatusCodes.METHOD_NOT_ALLOWED);
            exchange.endExchange();
            return false;
        }
        return true;
    }

    /** Serves a playback request on a worker thread once {@link #admit} let it through. */
    static void admitAndDispatch(HttpServerExchange exchange, Runnable serve) {
        if (admit(exchange)) {
            exchange.dispatch(serve);
        }
    }

    /** Sends a playlist or manifest: whole, not cached. */
    static void document(HttpServerExchange exchange, String text, String contentType) {
        exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, NO_CACHE);
        body(exchange, ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), contentType);
    }

    /** Sends media bytes, or the part of them a {@code Range} header asks for. */
    static void media(HttpServerExchange exchange, byte[] bytes, String contentType) {
        HeaderMap headers = exchange.getResponseHeaders();
        headers.put(Headers.CACHE_CONTROL, IMMUTABLE);
        headers.put(Headers.ACCEPT_RANGES, "bytes");
        ByteRange.Request range = ByteRange.of(exchange.getRequestHeaders().getFirst(Headers.RANGE), bytes.length);
        if (range instanceof ByteRange.Part part) {
            exchange.setStatusCode(StatusCodes.PARTIAL_CONTENT);
            headers.put(Headers.CONTENT_RANGE, part.range().contentRange(bytes.length));
            body(exchange, ByteBuffer.wrap(bytes, (int) part.range().first(), (int) part.range().length()), contentType);
        } else if (range instanceof ByteRange.Unsatisfiable) {
            exchange.setStatusCode(StatusCodes.REQUEST_RANGE_NOT_SATISFIABLE);
            headers.put(Headers.CONTENT_RANGE, "bytes */" + bytes.length);
            exchange.endExchange();
        } else {
            body(exchange, ByteBuffer.wrap(bytes), contentType);
        }
    }

    /** Answers a failure in the service's error shape; one that is not the client's fault is logged. */
    static void fail(HttpServerExchange exchange, Throwable e) {
        AwsError error;
        if (e instanceof VideoException video) {
            error = VideoErrors.of(video);
        } else if (e instanceof PlaybackException playback) {
            error = VideoErrors.of(PlaybackErrors.of(playback));
        } else {
            LOG.atError().setMessage("playback resource failed").setCause(e)
                .addKeyValue("path", exchange.getRequestPath()).log();
            error = AwsError.internalFailure()
                .withMessage("Internal server error (request id " + RequestIdHandler.of(exchange) + ")");
        }
        error(exchange, error);
    }

    static void error(HttpServerExchange exchange, AwsError error) {
        if (exchange.isResponseStarted()) {
            exchange.setPersistent(false);
            exchange.endExchange();
            return;
        }
        RestJsonErrors.send(exchange, error);
    }

    private static void body(HttpServerExchange exchange, ByteBuffer bytes, String contentType) {
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, contentType);
        exchange.getResponseHeaders().put(Headers.CONTENT_LENGTH, bytes.remaining());
        if (exchange.getRequestMethod().equals(Methods.HEAD)) {
            exchange.endExchange();
            return;
        }
        exchange.getResponseSender().send(bytes);
    }
}
