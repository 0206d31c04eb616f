package dev.freshet.web.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.freshet.web.metrics.Metrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.undertow.server.HttpHandler;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Modules open before the server listens, register their handlers, and close after it stopped. */
class FreshetRuntimeTest {

    @TempDir
    Path dir;

    private final List<String> events = new ArrayList<>();

    private FreshetModule.Factory module(String name, Map<String, HttpHandler> handlers) {
        return context -> {
            events.add("open " + name + " " + context.config().region());
            return new FreshetModule() {
                @Override
                public Map<String, HttpHandler> targetHandlers() {
                    return handlers;
                }

                @Override
                public void close() {
                    events.add("close " + name);
                }
            };
        };
    }

    private FreshetRuntime start(List<FreshetModule.Factory> factories) throws Exception {
        return FreshetRuntime.start(TestServers.config("--data-dir", dir.resolve("data").toString()),
            new Metrics(new PrometheusRegistry()), factories);
    }

    @Test
    void modulesServeTheirTargetsAndCloseInReverseOrder() throws Exception {
        FreshetRuntime runtime = start(List.of(
            module("streams", Map.of(TestServers.ECHO, TestServers.echo())),
            module("firehose", Map.of())));

        HttpResponse<String> response = HttpClient.newHttpClient().send(TestServers.call(runtime.server(),
            TestServers.ECHO + ".Ping").POST(BodyPublishers.ofString("{}")).build(), BodyHandlers.ofString());
        runtime.stop();
        runtime.stop();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(events).containsExactly("open streams us-east-1", "open firehose us-east-1",
            "close firehose", "close streams");
        assertThat(Files.isDirectory(dir.resolve("data"))).isTrue();
    }

    @Test
    void aModuleThatFailsToOpenClosesTheOnesBefore() {
        FreshetModule.Factory broken = context -> {
            throw new IllegalStateException("disk full");
        };

        assertThatThrownBy(() -> start(List.of(module("streams", Map.of()), broken)))
            .isInstanceOf(StartupException.class).hasMessageContaining("disk full");
        assertThat(events).containsExactly("open streams us-east-1", "close streams");
    }

    @Test
    void twoModulesMayNotClaimTheSamePrefix() {
        assertThatThrownBy(() -> start(List.of(module("a", Map.of("Kinesis_20131202", TestServers.echo())),
            module("b", Map.of("Kinesis_20131202", TestServers.echo())))))
            .isInstanceOf(StartupException.class).hasMessageContaining("Kinesis_20131202");
        assertThat(events).contains("close a", "close b");
    }
}
