package dev.freshet.web.server;

import io.undertow.server.HttpServerExchange;
import org.xnio.channels.StreamSinkChannel;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Queue;

/**
 * A long-lived response written piece by piece without holding a thread (event streams, PutMedia
 * acknowledgements, GetMedia chunks): each piece is written and flushed on the exchange's I/O
 * thread as soon as the socket takes it, in order, so it reaches the client at once over HTTP/2 or
 * chunked HTTP/1.1. Pieces queue while the client is slow; {@link #queuedBytes()} lets the caller
 * bound the queue (drop, pause its source, or give up).
 *
 * <p>Thread-safe: {@link #send} and {@link #end} may be called from any thread.
 */
public final class StreamingResponse {

    /** Called once when the client went away or a write failed. */
    @FunctionalInterface
    public interface FailureListener {
        void failed(IOException cause);
    }

    private record Piece(ByteBuffer bytes, Runnable written, int size) {
    }

    private final HttpServerExchange exchange;
    private final FailureListener onFailure;
    private final Queue<Piece> queue = new ArrayDeque<>();
    private long queuedBytes;
    private boolean writing;
    private boolean ending;
    private boolean closed;
    private StreamSinkChannel channel;

    public StreamingResponse(HttpServerExchange exchange, FailureListener onFailure) {
        this.exchange = exchange;
        this.onFailure = onFailure;
        exchange.addExchangeCompleteListener((ex, next) -> {
            synchronized (this) {
                closed = true;
                queue.clear();
            }
            next.proceed();
        });
    }

    /** Queues a piece; {@code written} (may be null) runs after it was flushed to the socket. */
    public void send(ByteBuffer bytes, Runnable written) {
        synchronized (this) {
            if (closed || ending) {
                return;
            }
            queue.add(new Piece(bytes, written, bytes.remaining()));
            queuedBytes += bytes.remaining();
            if (writing) {
                return;
            }
            writing = true;
        }
        exchange.getIoThread().execute(this::writeNext);
    }

    /** Ends the response once everything queued was written. */
    public void end() {
        boolean idle;
        synchronized (this) {
            if (closed || ending) {
                return;
            }
            ending = true;
            idle = !writing;
            writing = true;
        }
        if (idle) {
            exchange.getIoThread().execute(this::writeNext);
        }
    }

    public synchronized long queuedBytes() {
        return queuedBytes;
    }

    public synchronized boolean isClosed() {
        return closed;
    }

    /** Writes queued pieces until the queue is empty or the socket is full (then resumes when writable). */
    private void writeNext() {
        while (true) {
            Piece piece;
            synchronized (this) {
                piece = queue.peek();
                if (piece == null) {
                    writing = false;
                    if (ending && !closed) {
                        closed = true;
                        exchange.endExchange();
                    }
                    return;
                }
            }
            try {
                if (!write(piece)) {
                    return;
                }
            } catch (IOException e) {
                fail(e);
                return;
            }
        }
    }

    /** Writes and flushes one piece; false when the socket is full and writing resumes later. */
    private boolean write(Piece piece) throws IOException {
        StreamSinkChannel sink = channel();
        while (piece.bytes().hasRemaining()) {
            if (sink.write(piece.bytes()) == 0) {
                resumeWhenWritable(sink);
                return false;
            }
        }
        if (!sink.flush()) {
            resumeWhenWritable(sink);
            return false;
        }
        synchronized (this) {
            queue.poll();
            queuedBytes -= piece.size();
        }
        if (piece.written() != null) {
            piece.written().run();
        }
        return true;
    }

    private void resumeWhenWritable(StreamSinkChannel sink) {
        sink.getWriteSetter().set(ready -> {
            ready.suspendWrites();
            ready.getWriteSetter().set(null);
            writeNext();
        });
        sink.resumeWrites();
    }

    private StreamSinkChannel channel() {
        if (channel == null) {
            channel = exchange.getResponseChannel();
        }
        return channel;
    }

    private void fail(IOException cause) {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            queue.clear();
        }
        onFailure.failed(cause);
        exchange.endExchange();
    }
}
