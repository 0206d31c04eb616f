package dev.freshet.tests.video.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * A tiny HTTP server on 127.0.0.1 for the browser tests: serves the test page and hls.js from the test
 * resources ({@code /video/web/…} on the classpath) and, optionally, files of a directory (used to try the
 * player against ffmpeg's own HLS output without Freshet). Every response allows any origin.
 *
 * <p>Thread-safe.
 */
public final class StaticSite implements AutoCloseable {
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8",
            "js", "text/javascript", "m3u8", "application/vnd.apple.mpegurl", "mp4", "video/mp4",
            "m4s", "video/iso.segment", "ts", "video/mp2t");

    private final HttpServer server;

    private StaticSite(Path directory) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> serve(exchange, directory));
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "static-site");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    /** Serves the classpath's {@code /video/web/} only. */
    public static StaticSite testPages() {
        return new StaticSite(null);
    }

    /** Serves the classpath's {@code /video/web/} and, for other paths, files under {@code directory}. */
    public static StaticSite withDirectory(Path directory) {
        return new StaticSite(directory);
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static void serve(HttpExchange exchange, Path directory) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            byte[] body = resource("/video/web" + path);
            if (body == null && directory != null && !path.contains("..")) {
                Path file = directory.resolve(path.substring(1));
                body = Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
            }
            exchange.getResponseHeaders().add("Access-Control-Allow-Origin", "*");
            exchange.getResponseHeaders().add("Cache-Control", "no-store");
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            String extension = path.substring(path.lastIndexOf('.') + 1);
            exchange.getResponseHeaders().add("Content-Type", TYPES.getOrDefault(extension, "application/octet-stream"));
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = StaticSite.class.getResourceAsStream(name)) {
            return in == null ? null : in.readAllBytes();
        }
    }
}
