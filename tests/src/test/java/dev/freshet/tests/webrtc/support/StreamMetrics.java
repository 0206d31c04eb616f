package dev.freshet.tests.webrtc.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The per-stream WebRTC series of a Freshet server's {@code /metrics}, as a Prometheus scraper reads them.
 *
 * <p>Thread-safe.
 */
public final class StreamMetrics {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private StreamMetrics() {
    }

    /** The text of {@code /metrics} under {@code endpoint}. */
    public static String scrape(URI endpoint) {
        try {
            return HTTP.send(HttpRequest.newBuilder(endpoint.resolve("/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The value of {@code name{stream="..."}}; fails when the series is not there. */
    public static double value(String metrics, String name, String stream) {
        Matcher matcher = Pattern.compile("(?m)^" + name + "\\{stream=\"" + Pattern.quote(stream) + "\"\\} (\\S+)$")
                .matcher(metrics);
        assertThat(matcher.find()).as("%s of %s on /metrics", name, stream).isTrue();
        return Double.parseDouble(matcher.group(1));
    }
}
