package dev.freshet.fragments.dash;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.freshet.fragments.hls.HlsUris;
import dev.freshet.fragments.hls.PlaybackException;
import dev.freshet.fragments.store.FragmentLog;
import dev.freshet.fragments.store.FragmentNumbers;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * A DASH session's resources over HTTP on the loopback interface only, shaped as the web layer will
 * serve them (manifest, init and media segments side by side), so that a real player (ffmpeg) can
 * play a manifest under test. Counts the requests for each resource.
 */
final class LoopbackDashServer implements AutoCloseable {

    private final HttpServer server;
    private final FragmentLog log;
    private final long streamCreatedMillis;
    private final DashTokens tokens;
    private final long nowMillis;
    private final Map<String, Integer> requests = new HashMap<>();

    LoopbackDashServer(FragmentLog log, long streamCreatedMillis, DashTokens tokens, long nowMillis) {
        this.log = log;
        this.streamCreatedMillis = streamCreatedMillis;
        this.tokens = tokens;
        this.nowMillis = nowMillis;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    /** The manifest URL of a session, as GetDASHStreamingSessionURL returns it. */
    String manifestUrl(String token) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + DashUris.manifest(token);
    }

    /** How many times a resource ({@link DashUris#MANIFEST}, {@link HlsUris#MP4_FRAGMENT}, ..) was asked for. */
    synchronized int requests(String resource) {
        return requests.getOrDefault(resource, 0);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String resource = exchange.getRequestURI().getPath().substring(1);
        synchronized (this) {
            requests.merge(resource, 1, Integer::sum);
        }
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        DashSession session = tokens.open(query.get("SessionToken"), nowMillis).orElse(null);
        if (session == null) {
            respond(exchange, 403, "text/plain", new byte[0]);
            return;
        }
        try {
            switch (resource) {
                case DashUris.MANIFEST -> respond(exchange, 200, "application/dash+xml", DashManifests.manifest(session,
                    query.get("SessionToken"), log, nowMillis).getBytes(StandardCharsets.UTF_8));
                case HlsUris.INIT -> respond(exchange, 200, "video/mp4",
                    DashMedia.init(log, sequence(query), track(query)));
                case HlsUris.MP4_FRAGMENT -> respond(exchange, 200, "video/mp4",
                    DashMedia.mediaSegment(log, sequence(query), track(query)));
                default -> respond(exchange, 404, "text/plain", new byte[0]);
            }
        } catch (PlaybackException e) {
            respond(exchange, 404, "text/plain", e.getMessage().getBytes(StandardCharsets.UTF_8));
        }
    }

    private long sequence(Map<String, String> query) {
        return FragmentNumbers.sequenceOf(query.get("FragmentNumber"), streamCreatedMillis).orElseThrow(
            () -> new PlaybackException(PlaybackException.Reason.NOT_FOUND, "no such fragment"));
    }

    private static int track(Map<String, String> query) {
        return Integer.parseInt(query.getOrDefault(DashUris.TRACK_NUMBER, "0"));
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> query = new HashMap<>();
        for (String pair : rawQuery == null ? new String[0] : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                query.put(pair.substring(0, equals), pair.substring(equals + 1));
            }
        }
        return query;
    }

    private static void respond(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
