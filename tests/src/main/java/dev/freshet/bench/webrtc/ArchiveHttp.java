package dev.freshet.bench.webrtc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * ListFragments (Kinesis Video archived media) as a plain JSON POST, and the server's Prometheus
 * counters from {@code GET /metrics}: what the benchmark reads back from the server.
 *
 * <p>Thread-safe.
 */
final class ArchiveHttp {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI endpoint;
    private final HttpClient http;

    ArchiveHttp(URI endpoint, HttpClient http) {
        this.endpoint = endpoint;
        this.http = http;
    }

    /** Server timestamps (epoch ms) of the stream's stored fragments, every page. */
    List<Long> fragmentServerMillis(String stream) throws IOException, InterruptedException {
        List<Long> millis = new ArrayList<>();
        String next = null;
        do {
            ObjectNode body = JSON.createObjectNode().put("StreamName", stream).put("MaxResults", 1000);
            if (next != null) {
                body.put("NextToken", next);
            }
            JsonNode page = post("/listFragments", body);
            for (JsonNode fragment : page.path("Fragments")) {
                millis.add(Math.round(fragment.path("ServerTimestamp").asDouble() * 1000));
            }
            next = page.path("NextToken").isTextual() ? page.path("NextToken").asText() : null;
        } while (next != null && !next.isEmpty());
        return millis;
    }

    /** Whether the stream has at least one stored fragment. */
    boolean hasFragment(String stream) throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode().put("StreamName", stream).put("MaxResults", 1);
        return !post("/listFragments", body).path("Fragments").isEmpty();
    }

    /** The value of an unlabelled counter or gauge in {@code /metrics}; 0 when it is not there. */
    double metric(String name) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(endpoint.resolve("/metrics"))
            .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
        for (String line : response.body().split("\n")) {
            if (line.startsWith(name + " ")) {
                return Double.parseDouble(line.substring(name.length() + 1).trim());
            }
        }
        return 0;
    }

    private JsonNode post(String path, JsonNode body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(endpoint.resolve(path))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
            .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(path + ": HTTP " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
