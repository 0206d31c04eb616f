package dev.freshet.bench.video;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The few Kinesis Video Streams REST-JSON calls the benchmark makes (CreateStream,
 * GetHLSStreamingSessionURL), as plain JSON POSTs. The AWS SDK's video clients are test-scoped in
 * this module, and these two calls need nothing from them: the server checks no signatures and the
 * bodies are a handful of fields.
 *
 * <p>Thread-safe.
 */
public final class ControlPlane {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI endpoint;
    private final HttpClient http;

    public ControlPlane(URI endpoint, HttpClient http) {
        this.endpoint = endpoint;
        this.http = http;
    }

    /** Creates the stream; one that already exists (a reused server) is fine. */
    public void createStream(String name, int retentionHours) throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode().put("StreamName", name).put("DataRetentionInHours", retentionHours);
        HttpResponse<String> response = post("/createStream", body);
        if (response.statusCode() != 200 && !response.body().contains("ResourceInUseException")) {
            throw new IOException("CreateStream " + name + ": HTTP " + response.statusCode() + " " + response.body());
        }
    }

    /** A LIVE fMP4 session: Low-Latency HLS. */
    URI liveSession(String stream) throws IOException, InterruptedException {
        return session(JSON.createObjectNode().put("StreamName", stream).put("PlaybackMode", "LIVE")
            .put("ContainerFormat", "FRAGMENTED_MP4"));
    }

    /** An ON_DEMAND fMP4 session over server timestamps {@code [fromMillis, toMillis]}, up to 1000 fragments. */
    URI onDemandSession(String stream, long fromMillis, long toMillis) throws IOException, InterruptedException {
        ObjectNode request = JSON.createObjectNode().put("StreamName", stream).put("PlaybackMode", "ON_DEMAND")
            .put("ContainerFormat", "FRAGMENTED_MP4").put("MaxMediaPlaylistFragmentResults", 1000)
            .put("Expires", 3600);
        ObjectNode selector = request.putObject("HLSFragmentSelector").put("FragmentSelectorType", "SERVER_TIMESTAMP");
        selector.putObject("TimestampRange").put("StartTimestamp", fromMillis / 1000.0)
            .put("EndTimestamp", toMillis / 1000.0);
        return session(request);
    }

    private URI session(ObjectNode request) throws IOException, InterruptedException {
        HttpResponse<String> response = post("/getHLSStreamingSessionURL", request);
        if (response.statusCode() != 200) {
            throw new IOException("GetHLSStreamingSessionURL: HTTP " + response.statusCode() + " " + response.body());
        }
        JsonNode url = JSON.readTree(response.body()).path("HLSStreamingSessionURL");
        if (!url.isTextual()) {
            throw new IOException("GetHLSStreamingSessionURL answered no URL: " + response.body());
        }
        return URI.create(url.asText());
    }

    private HttpResponse<String> post(String path, JsonNode body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(endpoint.resolve(path))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
            .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
