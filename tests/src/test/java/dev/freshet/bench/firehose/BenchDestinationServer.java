package dev.freshet.bench.firehose;

import dev.freshet.delivery.fixtures.OpenSearchServer;
import dev.freshet.delivery.testing.S3ProxyFixture;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * A destination of the delivery benchmark as its own process (tests/bench/delivery.sh runs it from
 * the tests module's test classpath), from delivery's test fixtures: {@code s3 DIR} is s3proxy over
 * the folder DIR (credentials {@link S3ProxyFixture#IDENTITY} / {@link S3ProxyFixture#CREDENTIAL}),
 * {@code opensearch} a single OpenSearch node whose home is a temporary folder. Prints
 * {@code endpoint <URL>} once it serves, and stops (deleting the node's home) on SIGTERM.
 *
 * <p>Single-threaded main; the fixtures run their own threads.
 */
public final class BenchDestinationServer {

    private BenchDestinationServer() {
    }

    public static void main(String[] args) throws Exception {
        AutoCloseable server;
        URI endpoint;
        if (args.length == 2 && args[0].equals("s3")) {
            S3ProxyFixture s3 = S3ProxyFixture.onDisk(Files.createDirectories(Path.of(args[1])));
            server = s3;
            endpoint = s3.endpoint();
        } else if (args.length == 1 && args[0].equals("opensearch")) {
            OpenSearchServer search = OpenSearchServer.start();
            server = search;
            endpoint = search.endpoint();
        } else {
            System.err.println("usage: BenchDestinationServer s3 DIR | opensearch");
            System.exit(2);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server), "bench-destination-stop"));
        System.out.println("endpoint " + endpoint);
        System.out.flush();
        new CountDownLatch(1).await(); // serves until the script stops the process
    }

    private static void stop(AutoCloseable server) {
        try {
            server.close();
        } catch (Exception e) {
            System.err.println("stopping: " + e);
        }
    }
}
