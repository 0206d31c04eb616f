package dev.freshet.web.server;

import io.undertow.io.Receiver;
import io.undertow.server.Connectors;
import io.undertow.server.HttpServerExchange;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.function.Consumer;
import org.xnio.ChannelListener;
import org.xnio.channels.StreamSourceChannel;

/**
 * Reads a whole request body into one array, for handlers that need all of it before they start.
 * The bytes go from the request channel straight into an array sized from {@code Content-Length}.
 * Undertow's {@code Receiver} costs more at PutRecords rates: {@code receiveFullBytes} appends
 * every byte to a {@code ByteArrayOutputStream} one at a time ({@code AsyncReceiverImpl}, 2.3.x),
 * which took about two thirds of the server's CPU (docs/BENCHMARKS.md), and
 * {@code receivePartialBytes} copies each 16 KB pooled buffer into a fresh array first. Limits and
 * read errors reach the {@link Receiver.ErrorCallback} as with the {@code Receiver}: the channel
 * throws {@code RequestTooBigException} past the exchange's max entity size.
 *
 * <pre>{@code FullBodyReceiver.receive(exchange, (ex, body) -> ..., RequestBodyErrors.CALLBACK);}</pre>
 *
 * <p>Not thread-safe: one instance per exchange, driven by the exchange's I/O thread.
 */
public final class FullBodyReceiver implements ChannelListener<StreamSourceChannel> {

    /** Start size when the length is unknown (chunked, or HTTP/2 without content-length). */
    private static final int UNKNOWN_LENGTH_START = 8 * 1024;
    /** A declared length reserves at most this much up front; a longer body grows the array. */
    private static final int MAX_PRESIZE = 16 * 1024 * 1024;
    /**
     * Most bytes asked of the channel per read. A read into a heap array goes through a
     * per-thread temporary direct buffer of the asked size that the JDK keeps cached, so this
     * bounds that cache per I/O thread; the socket rarely holds more anyway.
     */
    private static final int MAX_READ = 256 * 1024;
    private static final byte[] EMPTY = new byte[0];

    private final HttpServerExchange exchange;
    private final Receiver.FullBytesCallback done;
    private final Receiver.ErrorCallback errors;
    private final long declared;
    private byte[] body;
    private int size;
    private boolean finished;

    private FullBodyReceiver(HttpServerExchange exchange, long declared, Receiver.FullBytesCallback done,
                             Receiver.ErrorCallback errors) {
        this.exchange = exchange;
        this.declared = declared;
        this.body = new byte[declared < 0 ? UNKNOWN_LENGTH_START : (int) Math.min(declared, MAX_PRESIZE)];
        this.done = done;
        this.errors = errors;
    }

    /**
     * Reads the exchange's body, then calls {@code done} with all of it on the exchange's I/O
     * thread: at once if the body is already there, otherwise as Undertow's root handler.
     */
    public static void receive(HttpServerExchange exchange, Receiver.FullBytesCallback done,
                               Receiver.ErrorCallback errors) {
        if (exchange.isRequestComplete()) {
            done.handle(exchange, EMPTY);
            return;
        }
        long declared = exchange.getRequestContentLength();
        if (declared > Integer.MAX_VALUE) {
            errors.error(exchange, new Receiver.RequestToLargeException());
            return;
        }
        StreamSourceChannel channel = exchange.getRequestChannel();
        if (channel == null) {
            throw new IllegalStateException("the request body was already being read");
        }
        FullBodyReceiver receiver = new FullBodyReceiver(exchange, declared, done, errors);
        if (!receiver.readAvailable(channel, false)) {
            channel.getReadSetter().set(receiver);
            channel.resumeReads();
        }
    }

    @Override
    public void handleEvent(StreamSourceChannel channel) {
        if (!finished) {
            readAvailable(channel, true);
        }
    }

    /** Reads what the channel has; true once the body is complete or failed (callback made). */
    private boolean readAvailable(StreamSourceChannel channel, boolean fromListener) {
        try {
            while (true) {
                int read = size < body.length ? channel.read(freeSpace()) : readWhenFull(channel);
                if (read == -1) {
                    finished = true;
                    byte[] whole = size == body.length ? body : Arrays.copyOf(body, size);
                    complete(fromListener, ex -> done.handle(ex, whole));
                    return true;
                }
                if (read == 0) {
                    return false;
                }
                size += read;
            }
        } catch (IOException failure) {
            finished = true;
            complete(fromListener, ex -> errors.error(ex, failure));
            return true;
        }
    }

    private ByteBuffer freeSpace() {
        return ByteBuffer.wrap(body, size, Math.min(body.length - size, MAX_READ));
    }

    /**
     * With the array full: once a declared length is all read, a read with no space answers -1
     * (HTTP/1.1's fixed-length channel), so the array grows only for bodies of unknown length,
     * longer than {@link #MAX_PRESIZE}, or whose channel cannot tell the end without space.
     */
    private int readWhenFull(StreamSourceChannel channel) throws IOException {
        if (size == declared) {
            int end = channel.read(ByteBuffer.allocate(0));
            if (end != 0) {
                return end;
            }
        }
        body = Arrays.copyOf(body, (int) Math.min(Integer.MAX_VALUE - 8, Math.max(body.length + 1L, body.length * 2L)));
        return channel.read(freeSpace());
    }

    /**
     * From the read listener the callback runs as Undertow's root handler, so that a dispatch it
     * makes is handed over when it returns, as for any handler.
     */
    private void complete(boolean fromListener, Consumer<HttpServerExchange> callback) {
        if (fromListener) {
            Connectors.executeRootHandler(callback::accept, exchange);
        } else {
            callback.accept(exchange);
        }
    }
}
