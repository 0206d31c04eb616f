package dev.freshet.bench.webrtc;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;

/**
 * The HTTP half of WHIP and WHEP (RFC 9725, the WHEP draft): POST an offer, get the answer and the
 * session's Location; DELETE it at the end.
 *
 * <p>Thread-safe.
 */
final class WhipHttp {

    /** An answered offer. */
    record Session(String answer, URI location) {
    }

    private final URI endpoint;
    private final HttpClient http;

    WhipHttp(URI endpoint, HttpClient http) {
        this.endpoint = endpoint;
        this.http = http;
    }

    /** POSTs {@code offer} to {@code /whip/STREAM} or {@code /whep/STREAM}; anything but 201 is an IOException. */
    Session offer(String kind, String stream, String offer) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(endpoint.resolve("/" + kind + "/" + stream))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/sdp")
            .POST(HttpRequest.BodyPublishers.ofString(offer))
            .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IOException(kind.toUpperCase(Locale.ROOT) + " " + stream + ": HTTP "
                + response.statusCode() + " " + response.body());
        }
        URI location = endpoint.resolve(response.headers().firstValue("Location")
            .orElseThrow(() -> new IOException("201 without Location for " + stream)));
        return new Session(response.body(), location);
    }

    /** Ends the session; the server answers 200 (404 if it has ended it already, which is fine here). */
    void delete(Session session) throws IOException, InterruptedException {
        http.send(HttpRequest.newBuilder(session.location()).timeout(Duration.ofSeconds(30)).DELETE().build(),
            HttpResponse.BodyHandlers.discarding());
    }
}
