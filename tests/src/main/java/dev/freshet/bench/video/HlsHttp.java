package dev.freshet.bench.video;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * GETs of an HLS session's resources through {@code java.net.http} (HTTP/1.1), as a player makes
 * them: playlists as text, media as bytes, and the media playlist a master playlist points at.
 * Anything but 200 is an {@link IOException} carrying the server's error body.
 *
 * <p>Thread-safe.
 */
final class HlsHttp {

    /** Longer than the server holds a blocking reload or a preload-hinted part (10 s). */
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final HttpClient http;

    HlsHttp(HttpClient http) {
        this.http = http;
    }

    /** The media playlist of a master playlist: its first URI line, resolved against it. */
    URI mediaPlaylist(URI master) throws IOException, InterruptedException {
        for (String line : text(master).split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                return master.resolve(line.trim());
            }
        }
        throw new IOException("the master playlist names no media playlist");
    }

    String text(URI uri) throws IOException, InterruptedException {
        return new String(bytes(uri), StandardCharsets.UTF_8);
    }

    byte[] bytes(URI uri) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).build(),
            HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode() + " for " + uri.getPath() + ": "
                + new String(response.body(), StandardCharsets.UTF_8));
        }
        return response.body();
    }
}
