package dev.freshet.web.server;

import dev.freshet.web.metrics.Metrics;
import dev.freshet.web.server.config.FreshetConfig;
import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpHandler;
import io.undertow.server.handlers.GracefulShutdownHandler;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.xnio.OptionMap;
import org.xnio.Options;
import org.xnio.Sequence;
import org.xnio.Xnio;
import org.xnio.XnioWorker;

/**
 * The HTTP edge: one Undertow server with an HTTP listener on {@code host:port} (HTTP/1.1, h2c with
 * prior knowledge, h2c upgrade) and, when {@code tls-port} is set, an HTTPS listener (TLS 1.2/1.3,
 * h2 over ALPN, HTTP/1.1). Every request passes through this chain, outermost first:
 *
 * <pre>
 * RequestId → RequestMetrics → AccessLog → ErrorResponse → AdminRoutes (/health, /metrics)
 *   → GracefulShutdown gate → RequestSizeLimit → HttpContinueRead → TargetRouter → service handler
 * </pre>
 *
 * The XNIO worker belongs to this class, not to Undertow, so {@link #stop} can close the listening
 * sockets first (no new connections) and keep serving in-flight requests until they drain.
 *
 * <p>Thread-safe: {@link #start} and {@link #stop} are synchronized; start once, stop once.
 */
public final class FreshetServer {

    private static final Sequence<String> TLS_VERSIONS = Sequence.of("TLSv1.3", "TLSv1.2");
    private static final long WORKER_STOP_MILLIS = 1_000;

    private final FreshetConfig config;
    private final Health health = new Health();
    private final GracefulShutdownHandler gate;
    private final HttpHandler root;
    private Undertow undertow;
    private XnioWorker worker;
    private volatile InetSocketAddress httpAddress;
    private volatile InetSocketAddress httpsAddress;

    /** A server whose errors are AWS JSON; see {@link ErrorResponder}. */
    public FreshetServer(FreshetConfig config, Map<String, HttpHandler> targetHandlers, Metrics metrics) {
        this(config, targetHandlers, metrics, new WireErrorResponder());
    }

    /**
     * @param targetHandlers handler per {@code X-Amz-Target} service prefix, e.g. {@code Kinesis_20131202}
     * @param metrics        where request latencies go and what {@code /metrics} exposes
     * @param errors         writes the error responses the server raises itself
     */
    public FreshetServer(FreshetConfig config, Map<String, HttpHandler> targetHandlers, Metrics metrics,
                         ErrorResponder errors) {
        this(config, targetHandlers, List.of(), metrics, errors);
    }

    /**
     * @param pathRoutes routes by URL path (REST-JSON operations, media resources), tried before
     *                   the {@code X-Amz-Target} router
     */
    public FreshetServer(FreshetConfig config, Map<String, HttpHandler> targetHandlers, List<PathRoute> pathRoutes,
                         Metrics metrics, ErrorResponder errors) {
        this.config = config;
        HttpHandler routes = Handlers.httpContinueRead(new PathRouter(pathRoutes, new TargetRouter(targetHandlers)));
        this.gate = new GracefulShutdownHandler(new RequestSizeLimitHandler(config.maxRequestBytes(), routes));
        HttpHandler admin = new AdminRoutes(new HealthHandler(health), new MetricsHandler(metrics.registry()), gate);
        HttpHandler handled = new AccessLogHandler(new ErrorResponseHandler(errors, admin));
        this.root = new RequestIdHandler(new RequestMetricsHandler(metrics.requests(), handled));
    }

    /** Binds the listeners and starts serving; health turns UP. */
    public synchronized void start() throws StartupException {
        if (undertow != null) {
            throw new IllegalStateException("already started");
        }
        Optional<SSLContext> tls = tlsContext();
        worker = createWorker();
        undertow = builder(tls).build();
        try {
            undertow.start();
        } catch (RuntimeException e) {
            abortStart();
            throw bindFailure(e);
        }
        httpAddress = listenerAddress("http");
        httpsAddress = tls.isPresent() ? listenerAddress("https") : null;
        health.up();
    }

    /**
     * Stops serving: health turns DOWN, new requests on open connections get 503, the listening
     * sockets close, in-flight requests get up to {@code grace} to finish, then every connection
     * is closed.
     *
     * @return whether every in-flight request finished within the grace period
     */
    public synchronized boolean stop(Duration grace) {
        if (undertow == null) {
            return true;
        }
        health.down();
        gate.shutdown();
        undertow.stop();
        boolean drained = awaitDrain(grace);
        stopWorker();
        undertow = null;
        return drained;
    }

    /** The bound HTTP address (with the real port when {@code port} was 0). */
    public InetSocketAddress httpAddress() {
        return requireStarted(httpAddress);
    }

    /** The bound HTTPS address, if TLS is on. */
    public Optional<InetSocketAddress> httpsAddress() {
        requireStarted(httpAddress);
        return Optional.ofNullable(httpsAddress);
    }

    public URI httpUri() {
        return uri("http", httpAddress());
    }

    public Optional<URI> httpsUri() {
        return httpsAddress().map(address -> uri("https", address));
    }

    private Undertow.Builder builder(Optional<SSLContext> tls) {
        Undertow.Builder builder = Undertow.builder()
            .setWorker(worker)
            .setServerOption(UndertowOptions.ENABLE_HTTP2, true)
            // Undertow's own entity limit defaults to 2 MiB and closes the connection without a
            // 413; the size is policed by RequestSizeLimitHandler and BodyLimitConduit instead
            .setServerOption(UndertowOptions.MAX_ENTITY_SIZE, Long.MAX_VALUE)
            .setHandler(root)
            .addHttpListener(config.port(), config.host());
        tls.ifPresent(context -> builder.addListener(new Undertow.ListenerBuilder()
            .setType(Undertow.ListenerType.HTTPS)
            .setHost(config.host())
            .setPort(config.tlsPort().getAsInt())
            .setSslContext(context)
            .setOverrideSocketOptions(OptionMap.create(Options.SSL_ENABLED_PROTOCOLS, TLS_VERSIONS))));
        return builder;
    }

    private Optional<SSLContext> tlsContext() throws StartupException {
        if (config.tlsPort().isEmpty()) {
            return Optional.empty();
        }
        char[] password = config.tlsKeystorePassword().orElse("").toCharArray();
        return Optional.of(TlsContexts.fromPkcs12(config.tlsKeystore().orElseThrow(), password));
    }

    private static XnioWorker createWorker() throws StartupException {
        int ioThreads = Math.max(Runtime.getRuntime().availableProcessors(), 2);
        try {
            return Xnio.getInstance(Undertow.class.getClassLoader()).createWorker(OptionMap.builder()
                .set(Options.WORKER_NAME, "freshet")
                .set(Options.WORKER_IO_THREADS, ioThreads)
                .set(Options.WORKER_TASK_CORE_THREADS, ioThreads * 8)
                .set(Options.WORKER_TASK_MAX_THREADS, ioThreads * 8)
                .set(Options.TCP_NODELAY, true)
                .set(Options.CORK, true)
                .getMap());
        } catch (IOException e) {
            throw new StartupException("Cannot start the network worker: " + e.getMessage(), e);
        }
    }

    /** Undertow leaves the listeners it did bind open when a later one fails. */
    private void abortStart() {
        try {
            undertow.stop();
        } finally {
            worker.shutdownNow();
            undertow = null;
        }
    }

    private StartupException bindFailure(RuntimeException e) {
        String ports = config.tlsPort().isPresent()
            ? "ports " + config.port() + " (http) and " + config.tlsPort().getAsInt() + " (https)"
            : "port " + config.port();
        String why = hasCause(e, BindException.class) ? "address already in use or not available"
            : String.valueOf(e.getCause());
        return new StartupException("Cannot listen on " + config.host() + " " + ports + ": " + why, e);
    }

    private InetSocketAddress listenerAddress(String protocol) {
        return undertow.getListenerInfo().stream()
            .filter(info -> info.getProtcol().equals(protocol))
            .map(info -> (InetSocketAddress) info.getAddress())
            .findFirst().orElseThrow();
    }

    private boolean awaitDrain(Duration grace) {
        try {
            return gate.awaitShutdown(grace.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void stopWorker() {
        worker.shutdown();
        try {
            if (!worker.awaitTermination(WORKER_STOP_MILLIS, TimeUnit.MILLISECONDS)) {
                worker.shutdownNow();
            }
        } catch (InterruptedException e) {
            worker.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static <T> T requireStarted(T value) {
        if (value == null) {
            throw new IllegalStateException("server not started");
        }
        return value;
    }

    private static URI uri(String scheme, InetSocketAddress address) {
        String host = address.getAddress().getHostAddress();
        String shown = host.contains(":") ? "[" + host.replaceAll("%.*", "") + "]" : host;
        return URI.create(scheme + "://" + shown + ":" + address.getPort());
    }
}
