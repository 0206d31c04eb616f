package dev.freshet.tests.firehose;

import dev.freshet.tests.harness.FreshetServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.services.firehose.FirehoseClient;

/**
 * JUnit 5 extension giving a test class one AWS SDK v2 {@link FirehoseClient} for its server:
 * made on first use (after the server started, whatever order JUnit registers the two in) and
 * closed after the class's last test.
 *
 * <p>Thread-safe.
 */
final class FirehoseSdk implements AfterAllCallback {

    private final FreshetServer server;
    private FirehoseClient client;

    FirehoseSdk(FreshetServer server) {
        this.server = server;
    }

    synchronized FirehoseClient client() {
        if (client == null) {
            client = Firehoses.client(server.endpoint());
        }
        return client;
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) {
        if (client != null) {
            client.close();
            client = null;
        }
    }
}
