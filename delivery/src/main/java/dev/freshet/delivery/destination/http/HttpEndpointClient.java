package dev.freshet.delivery.destination.http;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * Sends one {@link HttpEndpointRequest} to the endpoint and judges the answer the way the service
 * does: only a 200 whose body is JSON ({@code Content-Type: application/json}, not
 * content-encoded, at most 1 MiB) with the request's {@code requestId} and a numeric
 * {@code timestamp} is a delivery; 413 is a permanent failure; everything else (other statuses,
 * 3xx, which is never followed, a non-conforming 200, timeouts, refused or reset connections) is
 * worth retrying.
 *
 * Like the service, an answer with members beyond {@code requestId}, {@code timestamp} and
 * {@code errorMessage}, or with anything after the JSON object, is not conforming.
 *
 * <p>The whole exchange, answer body included, must finish within the request timeout (3 minutes
 * at the service).
 *
 * <p>Thread-safe.
 */
final class HttpEndpointClient {

    static final String PROTOCOL_VERSION = "1.0";
    static final String USER_AGENT = "Amazon Kinesis Data Firehose Agent/1.0";
    private static final int MAX_RESPONSE_BYTES = 1024 * 1024;
    /** How much of an error answer goes into the error message (the service truncates too). */
    private static final int MAX_QUOTED_BODY = 1024;
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    /** The response schema's members; the service refuses answers with others. */
    private static final Set<String> RESPONSE_FIELDS = Set.of("requestId", "timestamp", "errorMessage");

    private final HttpEndpointSettings settings;
    private final String sourceArn;
    private final String commonAttributesHeader;
    private final Duration requestTimeout;
    private final HttpClient http;

    HttpEndpointClient(HttpEndpointSettings settings, String sourceArn, Duration requestTimeout) {
        this.settings = settings;
        this.sourceArn = sourceArn;
        this.requestTimeout = requestTimeout;
        this.commonAttributesHeader = commonAttributesHeader(settings);
        this.http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(requestTimeout)
            .build();
    }

    /** @throws InterruptedException when the stream is stopping */
    AttemptOutcome send(HttpEndpointRequest request) throws InterruptedException {
        CompletableFuture<HttpResponse<CappedBody>> exchange =
            http.sendAsync(httpRequest(request), info -> CappedBody.subscriber(MAX_RESPONSE_BYTES));
        try {
            HttpResponse<CappedBody> response = exchange.get(requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
            return judge(request.requestId(), response.statusCode(), response.headers(), response.body());
        } catch (TimeoutException e) {
            exchange.cancel(true);
            return timedOut();
        } catch (InterruptedException e) {
            exchange.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            return failed(e.getCause());
        }
    }

    private HttpRequest httpRequest(HttpEndpointRequest request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(settings.url())
            .timeout(requestTimeout)
            .header("Content-Type", "application/json")
            .header("User-Agent", USER_AGENT)
            .header("X-Amz-Firehose-Protocol-Version", PROTOCOL_VERSION)
            .header("X-Amz-Firehose-Request-Id", request.requestId())
            .header("X-Amz-Firehose-Source-Arn", sourceArn)
            .header("X-Amz-Firehose-Common-Attributes", commonAttributesHeader)
            .POST(HttpRequest.BodyPublishers.ofByteArray(request.body()));
        if (settings.accessKey() != null) {
            builder.header("X-Amz-Firehose-Access-Key", settings.accessKey());
        }
        if (request.gzipped()) {
            builder.header("Content-Encoding", "gzip");
        }
        return builder.build();
    }

    /** The verdict on an answer to the request {@code requestId}: untrusted bytes, judged without throwing. */
    static AttemptOutcome judge(String requestId, int status, HttpHeaders headers, CappedBody body) {
        if (body.tooLarge()) {
            return AttemptOutcome.retryable(AttemptOutcome.RESPONSE_TOO_LARGE,
                "The response from the endpoint is larger than 1 MiB (status " + status + ")");
        }
        String text = new String(body.bytes(), StandardCharsets.UTF_8);
        if (status == 413) {
            return AttemptOutcome.permanent(AttemptOutcome.DESTINATION_EXCEPTION, received(status, text));
        }
        if (status != 200) {
            return AttemptOutcome.retryable(AttemptOutcome.DESTINATION_EXCEPTION, received(status, text));
        }
        String violation = violation(requestId, headers, text);
        // worded as the service's error log words it, the specific reason in the middle
        return violation == null ? AttemptOutcome.delivered()
            : AttemptOutcome.retryable(AttemptOutcome.INVALID_RESPONSE, "The response received from the specified "
                + "endpoint is invalid. Contact the owner of the endpoint to resolve the issue. Response for request "
                + requestId + " " + violation + ". Raw response received: 200 " + quote(text));
    }

    /** Why a 200 does not meet the response spec ("Response for request X …"), or null when it does. */
    private static String violation(String requestId, HttpHeaders headers, String text) {
        String contentType = headers.firstValue("Content-Type").orElse("");
        if (!contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            return "does not have the Content-Type application/json";
        }
        if (headers.firstValue("Content-Encoding").isPresent()) {
            return "is content-encoded";
        }
        JsonNode json;
        try {
            json = JSON.readTree(text);
        } catch (IOException e) {
            return "is not recognized as valid JSON or has unexpected fields";
        }
        if (json == null || !json.isObject()) {
            return "is not recognized as valid JSON or has unexpected fields";
        }
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!RESPONSE_FIELDS.contains(name)) {
                return "is not recognized as valid JSON or has unexpected fields (" + name + ")";
            }
        }
        if (!json.path("requestId").isTextual()) {
            return "has no requestId";
        }
        if (!json.path("requestId").asText().equals(requestId)) {
            return "has a requestId that does not match";
        }
        return json.path("timestamp").isNumber() ? null : "has no numeric timestamp";
    }

    private AttemptOutcome timedOut() {
        return AttemptOutcome.retryable(AttemptOutcome.REQUEST_TIMEOUT,
            "The endpoint did not answer within " + requestTimeout.toSeconds() + " s");
    }

    private AttemptOutcome failed(Throwable cause) {
        String why = cause.getClass().getSimpleName() + ": " + cause.getMessage();
        if (cause instanceof HttpConnectTimeoutException || cause instanceof ConnectException) {
            return AttemptOutcome.retryable(AttemptOutcome.CONNECTION_FAILED,
                "Could not connect to the endpoint " + settings.url().getHost() + ": " + why);
        }
        if (cause instanceof HttpTimeoutException) {
            return timedOut();
        }
        if (cause instanceof SSLException) {
            return AttemptOutcome.retryable(AttemptOutcome.SSL_HANDSHAKE_FAILURE, "TLS with the endpoint failed: " + why);
        }
        return AttemptOutcome.retryable(AttemptOutcome.CONNECTION_RESET,
            "The endpoint reset or closed the connection: " + why);
    }

    private static String received(int status, String text) {
        return "Received the following response from the endpoint destination. " + status + ": " + quote(text);
    }

    private static String quote(String text) {
        return text.length() <= MAX_QUOTED_BODY ? text : text.substring(0, MAX_QUOTED_BODY) + "…";
    }

    private static String commonAttributesHeader(HttpEndpointSettings settings) {
        ObjectNode header = JSON.createObjectNode();
        ObjectNode attributes = header.putObject("commonAttributes");
        settings.commonAttributes().forEach(attributes::put);
        try {
            // header values must be ASCII: anything else travels as a JSON escape
            return JSON.writer().with(JsonWriteFeature.ESCAPE_NON_ASCII.mappedFeature()).writeValueAsString(header);
        } catch (IOException e) {
            throw new UncheckedIOException("in-memory JSON cannot fail", e);
        }
    }
}
