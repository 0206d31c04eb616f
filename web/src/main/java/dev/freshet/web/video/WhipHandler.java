package dev.freshet.web.video;

import dev.freshet.signaling.whep.WhepSessions;
import dev.freshet.signaling.whip.IcePatches;
import dev.freshet.signaling.whip.WhipAnswer;
import dev.freshet.signaling.whip.WhipException;
import dev.freshet.signaling.whip.WhipSessions;
import dev.freshet.web.server.FullBodyReceiver;
import dev.freshet.web.server.RequestBodyErrors;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import io.undertow.util.StatusCodes;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * WHIP (RFC 9725) and WHEP over HTTP, one instance each, under {@code /whip/} and {@code /whep/}:
 * <pre>
 *   POST    /whip/{stream}        application/sdp offer → 201, Location /whip/{stream}/{session}, ETag, answer
 *                                 (and a Link per configured STUN/TURN server, {@link IceServerLinks})
 *   DELETE  /whip/{stream}/{id}   ends the session → 200
 *   PATCH   /whip/{stream}/{id}   application/trickle-ice-sdpfrag: candidates → 204; with
 *                                 If-Match: "*", an ICE restart → 200 sdpfrag answer, new ETag
 *   OPTIONS any                   CORS preflight → 204
 * </pre>
 * (the same with {@code /whep/} for a viewer's offer). Every response allows any origin, so a
 * browser page served elsewhere can publish or play. A stream with a token
 * ({@link BearerTokens}) wants {@code Authorization: Bearer} on everything but OPTIONS (a preflight
 * carries no credentials), else 401 with {@code WWW-Authenticate: Bearer}. Errors are
 * {@code text/plain} reasons: 400 (the SDP reason id first), 401, 404, 405, 409, 412, 415, 422, 503.
 *
 * <p>Thread-safe.
 */
final class WhipHandler implements HttpHandler {

    /** Starts a session for an offer to a stream, or refuses it. */
    @FunctionalInterface
    interface Start {
        WhipAnswer start(String stream, String offerSdp);
    }

    /** Ends a stream's session; false when there is none. */
    @FunctionalInterface
    interface End {
        boolean end(String stream, String sessionId);
    }

    /** Trickles candidates to a stream's session or restarts its ICE. */
    @FunctionalInterface
    interface Patch {
        IcePatches.Result patch(String stream, String sessionId, String ifMatch, String fragment);
    }

    static final String PREFIX = "/whip/";
    static final String WHEP_PREFIX = "/whep/";
    private static final String SDP = "application/sdp";
    private static final String SDP_FRAGMENT = "application/trickle-ice-sdpfrag";
    private static final String METHODS = "POST, DELETE, PATCH, OPTIONS";
    private static final HttpString ALLOW_ORIGIN = new HttpString("Access-Control-Allow-Origin");
    private static final HttpString ALLOW_METHODS = new HttpString("Access-Control-Allow-Methods");
    private static final HttpString ALLOW_HEADERS = new HttpString("Access-Control-Allow-Headers");
    private static final HttpString EXPOSE_HEADERS = new HttpString("Access-Control-Expose-Headers");
    private static final HttpString LINK = new HttpString("Link");

    private final String prefix;
    private final String protocol;
    private final String verb;
    private final Start start;
    private final End end;
    private final Patch patch;
    private final BearerTokens tokens;
    private final List<String> iceServerLinks;

    private WhipHandler(String prefix, String protocol, String verb, Start start, End end, Patch patch,
                        BearerTokens tokens, List<String> iceServerLinks) {
        this.prefix = prefix;
        this.protocol = protocol;
        this.verb = verb;
        this.start = start;
        this.end = end;
        this.patch = patch;
        this.tokens = tokens;
        this.iceServerLinks = List.copyOf(iceServerLinks);
    }

    static WhipHandler whip(WhipSessions sessions, BearerTokens tokens) {
        return whip(sessions, tokens, List.of());
    }

    /** @param iceServerLinks {@code Link} values a 201 carries ({@link IceServerLinks}) */
    static WhipHandler whip(WhipSessions sessions, BearerTokens tokens, List<String> iceServerLinks) {
        return new WhipHandler(PREFIX, "WHIP", "Publish", sessions::publish, sessions::end, sessions::patch, tokens,
            iceServerLinks);
    }

    static WhipHandler whep(WhepSessions sessions, BearerTokens tokens) {
        return whep(sessions, tokens, List.of());
    }

    static WhipHandler whep(WhepSessions sessions, BearerTokens tokens, List<String> iceServerLinks) {
        return new WhipHandler(WHEP_PREFIX, "WHEP", "Play", sessions::play, sessions::end, sessions::patch, tokens,
            iceServerLinks);
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        HeaderMap headers = exchange.getResponseHeaders();
        headers.put(ALLOW_ORIGIN, "*");
        headers.put(EXPOSE_HEADERS, "Location, ETag, Link");
        String[] path = exchange.getRequestPath().substring(prefix.length()).split("/", -1);
        HttpString method = exchange.getRequestMethod();
        if (method.equals(Methods.OPTIONS)) {
            headers.put(ALLOW_METHODS, METHODS);
            headers.put(ALLOW_HEADERS, "Content-Type, Authorization, If-Match");
            headers.put(Headers.ALLOW, METHODS);
            exchange.setStatusCode(StatusCodes.NO_CONTENT);
        } else if (path.length > 2 || path[0].isEmpty() || path.length == 2 && path[1].isEmpty()) {
            text(exchange, StatusCodes.NOT_FOUND, "A " + protocol + " URL is " + prefix + "{stream}, a session's "
                + prefix + "{stream}/{id}.");
        } else if (!tokens.allows(path[0], exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION))) {
            unauthorized(exchange);
        } else if (path.length == 1) {
            endpoint(exchange, path[0]);
        } else {
            resource(exchange, path[0], path[1]);
        }
    }

    private void unauthorized(HttpServerExchange exchange) {
        boolean sent = exchange.getRequestHeaders().contains(Headers.AUTHORIZATION);
        exchange.getResponseHeaders().put(Headers.WWW_AUTHENTICATE, "Bearer realm=\"freshet\""
            + (sent ? ", error=\"invalid_token\"" : ""));
        text(exchange, StatusCodes.UNAUTHORIZED, protocol + " to this stream needs its token: "
            + "Authorization: Bearer <token>.");
    }

    /** The endpoint of a stream: only POST. */
    private void endpoint(HttpServerExchange exchange, String stream) {
        if (!exchange.getRequestMethod().equals(Methods.POST)) {
            exchange.getResponseHeaders().put(Headers.ALLOW, "POST, OPTIONS");
            text(exchange, StatusCodes.METHOD_NOT_ALLOWED, verb + " with POST of an SDP offer.");
            return;
        }
        if (!hasType(exchange, SDP)) {
            text(exchange, StatusCodes.UNSUPPORTED_MEDIA_TYPE, "The offer must be sent as " + SDP + ".");
            return;
        }
        // ICE and answer setup are short but not I/O-thread work
        FullBodyReceiver.receive(exchange, (ex, body) -> ex.dispatch(() -> answer(ex, stream, body)),
            RequestBodyErrors.CALLBACK);
    }

    private void answer(HttpServerExchange exchange, String stream, byte[] offer) {
        WhipAnswer answer;
        try {
            answer = start.start(stream, new String(offer, StandardCharsets.UTF_8));
        } catch (WhipException e) {
            refused(exchange, e);
            return;
        }
        HeaderMap headers = exchange.getResponseHeaders();
        headers.put(Headers.LOCATION, prefix + stream + "/" + answer.sessionId());
        headers.put(Headers.ETAG, answer.etag());
        headers.putAll(LINK, iceServerLinks);
        headers.put(Headers.CONTENT_TYPE, SDP);
        exchange.setStatusCode(StatusCodes.CREATED);
        exchange.getResponseSender().send(answer.sdp(), StandardCharsets.UTF_8);
    }

    /** A session's resource: DELETE ends it, PATCH trickles candidates or restarts ICE. */
    private void resource(HttpServerExchange exchange, String stream, String session) {
        HttpString method = exchange.getRequestMethod();
        if (method.equals(Methods.DELETE)) {
            if (end.end(stream, session)) {
                exchange.setStatusCode(StatusCodes.OK);
            } else {
                text(exchange, StatusCodes.NOT_FOUND, "No " + protocol + " session " + session + " on stream "
                    + stream + ".");
            }
        } else if (!method.equals(Methods.PATCH)) {
            exchange.getResponseHeaders().put(Headers.ALLOW, "PATCH, DELETE, OPTIONS");
            text(exchange, StatusCodes.METHOD_NOT_ALLOWED, "A " + protocol + " session resource takes PATCH and "
                + "DELETE.");
        } else if (!hasType(exchange, SDP_FRAGMENT)) {
            text(exchange, StatusCodes.UNSUPPORTED_MEDIA_TYPE, "A PATCH must be sent as " + SDP_FRAGMENT + ".");
        } else {
            String ifMatch = exchange.getRequestHeaders().getFirst(Headers.IF_MATCH);
            // a restart starts an ICE agent: not I/O-thread work
            FullBodyReceiver.receive(exchange, (ex, body) -> ex.dispatch(() -> patched(ex, stream, session,
                ifMatch, body)), RequestBodyErrors.CALLBACK);
        }
    }

    private void patched(HttpServerExchange exchange, String stream, String session, String ifMatch, byte[] body) {
        IcePatches.Result result;
        try {
            result = patch.patch(stream, session, ifMatch, new String(body, StandardCharsets.UTF_8));
        } catch (WhipException e) {
            refused(exchange, e);
            return;
        }
        exchange.getResponseHeaders().put(Headers.ETAG, result.etag());
        if (!result.restarted()) {
            exchange.setStatusCode(StatusCodes.NO_CONTENT);
            // a dispatched task's exchange stays open until ended
            exchange.endExchange();
            return;
        }
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, SDP_FRAGMENT);
        exchange.setStatusCode(StatusCodes.OK);
        exchange.getResponseSender().send(result.fragment(), StandardCharsets.UTF_8);
    }

    private static boolean hasType(HttpServerExchange exchange, String expected) {
        String type = exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE);
        return type != null && type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT).equals(expected);
    }

    private static void refused(HttpServerExchange exchange, WhipException e) {
        int status = switch (e.reason()) {
            case STREAM_NOT_FOUND, SESSION_NOT_FOUND -> StatusCodes.NOT_FOUND;
            case STREAM_BUSY -> StatusCodes.CONFLICT;
            case PRECONDITION_FAILED -> StatusCodes.PRECONDITION_FAILED;
            case ICE_MISMATCH -> 422;
            case TOO_MANY_SESSIONS -> StatusCodes.SERVICE_UNAVAILABLE;
            case BAD_OFFER -> StatusCodes.BAD_REQUEST;
        };
        // the MalformedInputException message starts with its reason id already
        text(exchange, status, e.getMessage());
    }

    private static void text(HttpServerExchange exchange, int status, String message) {
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain; charset=utf-8");
        exchange.getResponseSender().send(message + "\n", StandardCharsets.UTF_8);
    }
}
