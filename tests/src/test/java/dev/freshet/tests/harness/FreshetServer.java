package dev.freshet.tests.harness;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/**
 * JUnit 5 extension that gives a test class one server, started before its first test and stopped
 * after its last, plus cached clients for it. Register as
 * {@code @RegisterExtension static final FreshetServer server = new FreshetServer("--flag", "value");}.
 *
 * <p>Every server gets {@code --stream-transition-millis 0} unless the flags name another value.
 * With {@code -Dfreshet.endpoint=http://host:port} no process is started and the suite runs against
 * that endpoint (a peer such as kinesalite, or a server started by hand); tests that need process
 * control or particular flags call {@link #process()} and are skipped in that mode.
 *
 * <p>Not thread-safe for the life cycle; the clients it hands out are thread-safe.
 */
public final class FreshetServer implements BeforeAllCallback, AfterAllCallback {
    private final List<String> flags;
    private final Map<Wire, KinesisClient> syncClients = Collections.synchronizedMap(new EnumMap<>(Wire.class));
    private final Map<Transport, KinesisAsyncClient> asyncClients =
            Collections.synchronizedMap(new EnumMap<>(Transport.class));
    private FreshetProcess process;
    private URI endpoint;

    public FreshetServer(String... flags) {
        List<String> all = new ArrayList<>(List.of(flags));
        if (!all.contains("--stream-transition-millis")) {
            all.addAll(List.of("--stream-transition-millis", "0"));
        }
        this.flags = List.copyOf(all);
    }

    /** The endpoint given with {@code -Dfreshet.endpoint}, or null when the suite starts its own servers. */
    public static URI externalEndpoint() {
        String external = System.getProperty("freshet.endpoint", "");
        return external.isBlank() ? null : URI.create(external.trim());
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        endpoint = externalEndpoint();
        if (endpoint == null) {
            process = FreshetProcess.start(context.getRequiredTestClass().getSimpleName(), flags);
            endpoint = process.endpoint();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        syncClients.values().forEach(KinesisClient::close);
        asyncClients.values().forEach(KinesisAsyncClient::close);
        syncClients.clear();
        asyncClients.clear();
        if (process != null) {
            process.close();
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    /** A shared sync client (Apache, default retries) speaking the given encoding. */
    public KinesisClient client(Wire wire) {
        return syncClients.computeIfAbsent(wire, w -> Clients.sync(endpoint, w));
    }

    /** A shared sync client in the {@link Wire#preferred() preferred} encoding. */
    public KinesisClient client() {
        return client(Wire.preferred());
    }

    /** A shared async Netty client (CBOR) over the given transport. */
    public KinesisAsyncClient async(Transport transport) {
        return asyncClients.computeIfAbsent(transport, t -> Clients.async(endpoint, t, Wire.preferred()));
    }

    /** The child process; skips the calling test when the suite runs against an external endpoint. */
    public FreshetProcess process() {
        assumeTrue(process != null,
                "needs a Freshet process started by the suite with " + flags + " (freshet.endpoint is set)");
        return process;
    }
}
