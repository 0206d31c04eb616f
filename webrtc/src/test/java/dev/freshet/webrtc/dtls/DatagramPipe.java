package dev.freshet.webrtc.dtls;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Two {@link QueuedDatagramTransport}s wired back to back, and handshakes run over them. */
final class DatagramPipe implements AutoCloseable {

    final QueuedDatagramTransport left;
    final QueuedDatagramTransport right;
    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    DatagramPipe() {
        QueuedDatagramTransport[] ends = new QueuedDatagramTransport[2];
        ends[0] = new QueuedDatagramTransport((b, o, l) -> ends[1].deliver(b, o, l), 1200, 32);
        ends[1] = new QueuedDatagramTransport((b, o, l) -> ends[0].deliver(b, o, l), 1200, 32);
        this.left = ends[0];
        this.right = ends[1];
    }

    Future<DtlsTransport> handshake(DtlsParameters parameters, QueuedDatagramTransport end) {
        CompletableFuture<DtlsTransport> result = new CompletableFuture<>();
        threads.execute(() -> {
            try {
                result.complete(DtlsTransport.handshake(parameters, end));
            } catch (DtlsHandshakeException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    @Override
    public void close() {
        left.close();
        right.close();
        threads.shutdownNow();
    }
}
