package dev.freshet.web.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.undertow.server.HttpHandler;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Stopping: no new connections, DOWN on open ones, in-flight requests finish within the grace period. */
class FreshetServerShutdownTest {

    private static final String SLOW = "Slow_20200101";

    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private FreshetServer server;

    @BeforeEach
    void start() throws Exception {
        HttpHandler slow = exchange -> exchange.dispatch(blocking -> {
            entered.countDown();
            release.await(10, TimeUnit.SECONDS);
            blocking.getResponseSender().send("done");
        });
        server = TestServers.start(Map.of(SLOW, slow));
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(Duration.ZERO);
    }

    private CompletableFuture<HttpResponse<String>> slowCall() throws InterruptedException {
        CompletableFuture<HttpResponse<String>> response = client.sendAsync(
            TestServers.call(server, SLOW + ".Wait").POST(BodyPublishers.ofString("{}")).build(),
            BodyHandlers.ofString());
        assertThat(entered.await(5, TimeUnit.SECONDS)).as("slow handler entered").isTrue();
        return response;
    }

    @Test
    void inFlightRequestFinishesBeforeStopReturns() throws Exception {
        CompletableFuture<HttpResponse<String>> inFlight = slowCall();
        try (RawHttp idle = new RawHttp(server.httpAddress())) {
            assertThat(idle.get("/health").status()).isEqualTo(200);

            CompletableFuture<Boolean> stopped = CompletableFuture.supplyAsync(() -> server.stop(Duration.ofSeconds(10)));

            await().atMost(Duration.ofSeconds(5)).until(() -> refusesConnections(server.httpAddress()));
            RawHttp.Response health = idle.get("/health");
            assertThat(health.status()).isEqualTo(503);
            assertThat(health.body()).isEqualTo("{\"status\":\"DOWN\"}");
            assertThat(stopped).as("stop waits for the in-flight request").isNotDone();

            release.countDown();
            assertThat(inFlight.get(5, TimeUnit.SECONDS).body()).isEqualTo("done");
            assertThat(stopped.get(5, TimeUnit.SECONDS)).as("drained").isTrue();
        }
    }

    @Test
    void newRequestsOnOpenConnectionsAreRefusedWhileDraining() throws Exception {
        slowCall();
        try (RawHttp open = new RawHttp(server.httpAddress())) {
            assertThat(open.get("/health").status()).isEqualTo(200);
            CompletableFuture.runAsync(() -> server.stop(Duration.ofSeconds(10)));
            await().atMost(Duration.ofSeconds(5)).until(() -> refusesConnections(server.httpAddress()));

            RawHttp.Response refused = open.get("/not-admin");

            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.headers()).containsKey("x-amzn-requestid");
            assertThat(refused.body()).contains("\"__type\":\"ServiceUnavailable\"");
        }
    }

    @Test
    void stopGivesUpAfterTheGracePeriod() throws Exception {
        CompletableFuture<HttpResponse<String>> inFlight = slowCall();
        long start = System.nanoTime();

        boolean drained = server.stop(Duration.ofMillis(200));

        assertThat(drained).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        release.countDown();
        assertThat(inFlight).failsWithin(Duration.ofSeconds(5));
    }

    private static boolean refusesConnections(InetSocketAddress address) {
        try (Socket socket = new Socket(address.getAddress(), address.getPort())) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }
}
