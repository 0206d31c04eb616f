package dev.freshet.web.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freshet.web.metrics.Metrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.undertow.server.HttpHandler;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Path routes (REST-JSON operations, media resources) beside the X-Amz-Target router. */
class PathRouterTest {

    private final Metrics metrics = new Metrics(new PrometheusRegistry());
    private FreshetServer server;

    @BeforeEach
    void start() throws Exception {
        List<PathRoute> routes = List.of(
            PathRoute.exact("video", "/createStream", answer("exact")),
            PathRoute.under("video", "/hls/", answer("hls")),
            PathRoute.under("video", "/hls/v1/special/", answer("longer prefix")));
        server = new FreshetServer(TestServers.config(), Map.of(TestServers.ECHO, TestServers.echo()), routes, metrics,
            ErrorResponder.JSON);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(java.time.Duration.ofSeconds(1));
    }

    @Test
    void exactPathsThenLongestPrefixesThenTargets() throws Exception {
        assertThat(post("/createStream").body()).isEqualTo("exact");
        assertThat(post("/hls/v1/getHLSMasterPlaylist.m3u8").body()).isEqualTo("hls");
        assertThat(post("/hls/v1/special/x").body()).isEqualTo("longer prefix");
        assertThat(post("/createStreamX").statusCode()).isEqualTo(404);
        HttpResponse<String> target = HttpClient.newHttpClient().send(TestServers.call(server, TestServers.ECHO + ".Ping")
            .POST(BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(target.statusCode()).isEqualTo(200);
        assertThat(metrics.registry().scrape().stream().map(m -> m.getMetadata().getName()).toList())
            .contains("freshet_request_duration_seconds");
    }

    private HttpResponse<String> post(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(TestServers.at(server, path))
            .POST(BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpHandler answer(String text) {
        return exchange -> exchange.getResponseSender().send(text);
    }
}
