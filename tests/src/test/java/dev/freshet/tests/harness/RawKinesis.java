package dev.freshet.tests.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Hand-made Kinesis requests for bad-input tests: any body, any Content-Type and X-Amz-Target, signed with
 * SigV4 like the SDK signs (so a server that checks signatures judges the body, not the signature).
 *
 * <p>Thread-safe.
 */
public final class RawKinesis {
    private static final Set<String> RESTRICTED = Set.of("host", "content-length", "connection", "expect", "upgrade");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper CBOR = new ObjectMapper(new CBORFactory());

    private final URI endpoint;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public RawKinesis(URI endpoint) {
        this.endpoint = endpoint;
    }

    /** POSTs {@code body}; {@code operation} null leaves X-Amz-Target out. */
    public Response post(String operation, String contentType, byte[] body) {
        SdkHttpRequest signed = sign(operation, contentType, body);
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint.resolve("/")).timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        signed.forEachHeader((name, values) -> {
            if (!RESTRICTED.contains(name.toLowerCase())) {
                values.forEach(v -> request.header(name, v));
            }
        });
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), response.headers().firstValue("x-amzn-RequestId").orElse(null));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Response postJson(String operation, String json) {
        return post(operation, Wire.JSON.contentType(), json.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends the headers and only {@code sent} bytes of a body announced as {@code announced} bytes, then closes. */
    public void postTruncated(String operation, byte[] body, int sent) throws IOException {
        SdkHttpRequest signed = sign(operation, Wire.JSON.contentType(), body);
        StringBuilder head = new StringBuilder("POST / HTTP/1.1\r\n");
        signed.forEachHeader((name, values) -> values.forEach(v -> head.append(name).append(": ").append(v).append("\r\n")));
        if (signed.firstMatchingHeader("Content-Length").isEmpty()) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        try (Socket socket = new Socket(endpoint.getHost(), endpoint.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(body, 0, sent);
            out.flush();
        }
    }

    private SdkHttpRequest sign(String operation, String contentType, byte[] body) {
        SdkHttpFullRequest.Builder request = SdkHttpFullRequest.builder().method(SdkHttpMethod.POST).uri(endpoint)
                .encodedPath("/")
                .putHeader("Content-Type", contentType)
                .putHeader("Content-Length", String.valueOf(body.length));
        if (operation != null) {
            request.putHeader("X-Amz-Target", "Kinesis_20131202." + operation);
        }
        return AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create("test", "test"))
                .request(request.build())
                .payload(ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4HttpSigner.REGION_NAME, Clients.REGION.id())
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "kinesis")).request();
    }

    /** A raw answer; {@link #body()} parses JSON or CBOR by Content-Type (empty object when there is no body). */
    public record Response(int status, String contentType, byte[] raw, String requestId) {
        public JsonNode body() {
            try {
                if (raw.length == 0) {
                    return JSON.createObjectNode();
                }
                return contentType.contains("cbor") ? CBOR.readTree(raw) : JSON.readTree(raw);
            } catch (IOException e) {
                throw new AssertionError("response body is neither JSON nor CBOR: "
                        + new String(raw, StandardCharsets.UTF_8), e);
            }
        }

        /** The error's {@code __type}, without any {@code namespace#} prefix. */
        public String errorType() {
            String type = body().path("__type").asText("");
            return type.substring(type.indexOf('#') + 1);
        }

        /** The error message, whether sent as {@code message} or {@code Message}. */
        public String message() {
            JsonNode body = body();
            return body.hasNonNull("message") ? body.get("message").asText() : body.path("Message").asText(null);
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + (contentType.contains("cbor") ? body().toString()
                    : new String(raw, 0, Math.min(raw.length, 500), StandardCharsets.UTF_8));
        }
    }

    public static Map<String, Object> map(Object... keysAndValues) {
        java.util.LinkedHashMap<String, Object> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    public static byte[] cbor(Object value) {
        try {
            return CBOR.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

}
