package dev.freshet.web.server;

import dev.freshet.web.metrics.Metrics;
import dev.freshet.web.server.config.ConfigParser;
import dev.freshet.web.server.config.FreshetConfig;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.undertow.server.HttpHandler;
import io.undertow.util.Headers;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;
import java.util.stream.Stream;

/** Starts servers on a free port for tests, and builds the requests they send. */
final class TestServers {

    static final String ECHO = "Echo_20200101";

    private TestServers() {
    }

    static FreshetConfig config(String... args) throws Exception {
        String[] all = Stream.concat(Stream.of("--port", "0"), Stream.of(args)).toArray(String[]::new);
        return new ConfigParser(Map.of()).parse(all);
    }

    static FreshetServer start(Metrics metrics, Map<String, HttpHandler> handlers, String... args) throws Exception {
        FreshetServer server = new FreshetServer(config(args), handlers, metrics);
        server.start();
        return server;
    }

    static FreshetServer start(Map<String, HttpHandler> handlers, String... args) throws Exception {
        return start(new Metrics(new PrometheusRegistry()), handlers, args);
    }

    /** A service that answers {@code {"operation":"<op>","bytes":<body length>}}. */
    static HttpHandler echo() {
        return exchange -> FullBodyReceiver.receive(exchange, (done, body) -> {
            String operation = AmzTarget.of(done).orElseThrow().operation();
            done.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/x-amz-json-1.1");
            done.getResponseSender().send("{\"operation\":\"" + operation + "\",\"bytes\":" + body.length + "}");
        }, RequestBodyErrors.CALLBACK);
    }

    static HttpRequest.Builder call(FreshetServer server, String target) {
        return HttpRequest.newBuilder(server.httpUri().resolve("/"))
            .header("X-Amz-Target", target)
            .header("Content-Type", "application/x-amz-json-1.1");
    }

    static URI at(FreshetServer server, String path) {
        return server.httpUri().resolve(path);
    }
}
