package dev.freshet.web.server;

import io.undertow.io.Receiver;
import io.undertow.server.HttpServerExchange;

import java.util.Arrays;

/**
 * Reads a whole request body into one array with bulk copies, for handlers that need all of it
 * before they start. Undertow's own {@code Receiver.receiveFullBytes} appends every byte to a
 * {@code ByteArrayOutputStream} one at a time ({@code AsyncReceiverImpl}, 2.3.x), which took about
 * two thirds of the server's CPU under PutRecords load (docs/BENCHMARKS.md). This goes through
 * {@code receivePartialBytes}, whose chunks arrive as arrays, into an array sized from
 * {@code Content-Length} when the request has one. Limits and read errors behave as with
 * {@code receiveFullBytes}: the {@link Receiver.ErrorCallback} gets them.
 *
 * <pre>{@code FullBodyReceiver.receive(exchange, (ex, body) -> ..., RequestBodyErrors.CALLBACK);}</pre>
 *
 * <p>Not thread-safe: one instance per exchange, fed by Undertow one chunk at a time.
 */
public final class FullBodyReceiver implements Receiver.PartialBytesCallback {

    /** Start size when the length is unknown (chunked, or HTTP/2 without content-length). */
    private static final int UNKNOWN_LENGTH_START = 8 * 1024;
    /** A declared length reserves at most this much up front; a longer body grows the array. */
    private static final int MAX_PRESIZE = 16 * 1024 * 1024;

    private final Receiver.FullBytesCallback done;
    private byte[] body;
    private int size;

    private FullBodyReceiver(int capacity, Receiver.FullBytesCallback done) {
        this.body = new byte[capacity];
        this.done = done;
    }

    /** Reads the exchange's body, then calls {@code done} with all of it (on an I/O thread). */
    public static void receive(HttpServerExchange exchange, Receiver.FullBytesCallback done,
                               Receiver.ErrorCallback errors) {
        long declared = exchange.getRequestContentLength();
        int capacity = declared < 0 ? UNKNOWN_LENGTH_START : (int) Math.min(declared, MAX_PRESIZE);
        exchange.getRequestReceiver().receivePartialBytes(new FullBodyReceiver(capacity, done), errors);
    }

    @Override
    public void handle(HttpServerExchange exchange, byte[] chunk, boolean last) {
        append(chunk);
        if (last) {
            done.handle(exchange, size == body.length ? body : Arrays.copyOf(body, size));
        }
    }

    private void append(byte[] chunk) {
        if (chunk.length > body.length - size) {
            body = Arrays.copyOf(body, (int) Math.min(Integer.MAX_VALUE - 8,
                Math.max((long) size + chunk.length, body.length * 2L)));
        }
        System.arraycopy(chunk, 0, body, size, chunk.length);
        size += chunk.length;
    }
}
