package dev.freshet.tests.video.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * Plain HTTP GETs of playback resources (HLS playlists and segments, DASH manifests), as a player makes
 * them: no signing, the session token is in the URL.
 *
 * <p>Thread-safe.
 */
public final class Http {
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();

    private Http() {
    }

    /** A complete response. */
    public record Response(URI uri, int status, java.net.http.HttpHeaders headers, byte[] body, long millis) {
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        @Override
        public String toString() {
            return status + " " + uri + " (" + body.length + " bytes): "
                    + new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8);
        }
    }

    public static Response get(URI uri, String... headerNamesAndValues) {
        return get(uri, Duration.ofSeconds(30), headerNamesAndValues);
    }

    public static Response get(URI uri, Duration timeout, String... headerNamesAndValues) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).GET();
        for (int i = 0; i < headerNamesAndValues.length; i += 2) {
            request.header(headerNamesAndValues[i], headerNamesAndValues[i + 1]);
        }
        long start = System.nanoTime();
        try {
            HttpResponse<byte[]> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(uri, response.statusCode(), response.headers(), response.body(),
                    (System.nanoTime() - start) / 1_000_000);
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + uri, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** GET that must answer 200. */
    public static Response ok(URI uri) {
        Response response = get(uri);
        if (response.status() != 200) {
            throw new AssertionError("expected 200 for GET " + uri + " but got " + response);
        }
        return response;
    }
}
