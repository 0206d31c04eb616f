package dev.freshet.tests.video.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A KVS signaling client over the JDK's WebSocket: connects to a WSS endpoint with the query the
 * KVS SDKs send ({@code X-Amz-ChannelARN}, a viewer's {@code X-Amz-ClientId}, and SigV4-looking
 * parameters the server must accept), sends raw text and collects each message the server sends.
 *
 * <p>Thread-safe.
 */
public final class SignalingSocketClient implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WebSocket socket;
    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();

    private SignalingSocketClient(URI uri) {
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                .buildAsync(uri, new Collector()).join();
    }

    /** Connects as the channel's master ({@code clientId} null) or as a viewer. */
    public static SignalingSocketClient connect(String wssEndpoint, String channelArn, String clientId) {
        return new SignalingSocketClient(uri(wssEndpoint, channelArn, clientId));
    }

    /** The URL the KVS SDKs open (with fake SigV4 query parameters, which Freshet ignores). */
    public static URI uri(String wssEndpoint, String channelArn, String clientId) {
        String query = "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-ChannelARN=" + encode(channelArn)
                + (clientId == null ? "" : "&X-Amz-ClientId=" + encode(clientId))
                + "&X-Amz-Credential=" + encode("test/20250101/us-east-1/kinesisvideo/aws4_request")
                + "&X-Amz-Date=20250101T000000Z&X-Amz-Expires=299&X-Amz-SignedHeaders=host&X-Amz-Signature=00";
        return URI.create(wssEndpoint + "?" + query);
    }

    public void send(String text) {
        socket.sendText(text, true).join();
    }

    /** The next message the server sent, as JSON; fails after {@code timeout}. */
    public JsonNode next(Duration timeout) {
        try {
            String text = received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (text == null) {
                throw new AssertionError("no signaling message within " + timeout);
            }
            return JSON.readTree(text);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether no message arrives within {@code quiet}. */
    public boolean nothingWithin(Duration quiet) throws InterruptedException {
        String text = received.poll(quiet.toMillis(), TimeUnit.MILLISECONDS);
        return text == null;
    }

    /** Completes with the close code when the server closes the connection. */
    public CompletableFuture<Integer> closed() {
        return closed;
    }

    @Override
    public void close() {
        socket.abort();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private final class Collector implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                received.add(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(-1);
        }
    }
}
