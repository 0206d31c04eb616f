package dev.freshet.web.server;

import io.undertow.server.HttpServerExchange;
import io.undertow.server.RequestTooBigException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import org.xnio.IoUtils;
import org.xnio.channels.StreamSinkChannel;
import org.xnio.conduits.AbstractStreamSourceConduit;
import org.xnio.conduits.ConduitReadableByteChannel;
import org.xnio.conduits.StreamSourceConduit;

/**
 * Wraps a request body and counts the bytes handlers read. The read that passes
 * {@link RequestBodyLimit#of} fails with {@link RequestTooBigException} and marks the connection
 * for closing, but leaves it open so a 413 can still be written. Undertow's own
 * {@code MAX_ENTITY_SIZE} closes the connection instead (for chunked HTTP/1.1 it also fixes the
 * limit before any handler runs), which is why the server leaves that option unset.
 *
 * <p>Not thread-safe: one exchange reads its body from one thread at a time.
 */
final class BodyLimitConduit extends AbstractStreamSourceConduit<StreamSourceConduit> {

    private final HttpServerExchange exchange;
    private long bytesRead;

    BodyLimitConduit(StreamSourceConduit next, HttpServerExchange exchange) {
        super(next);
        this.exchange = exchange;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        return (int) counted(next.read(dst));
    }

    @Override
    public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
        return counted(next.read(dsts, offset, length));
    }

    @Override
    public long transferTo(long position, long count, FileChannel target) throws IOException {
        return target.transferFrom(new ConduitReadableByteChannel(this), position, count);
    }

    @Override
    public long transferTo(long count, ByteBuffer throughBuffer, StreamSinkChannel target) throws IOException {
        return IoUtils.transfer(new ConduitReadableByteChannel(this), count, throughBuffer, target);
    }

    private long counted(long read) throws RequestTooBigException {
        if (read > 0) {
            bytesRead += read;
            long limit = RequestBodyLimit.of(exchange);
            if (bytesRead > limit) {
                exchange.setPersistent(false);
                throw new RequestTooBigException("Request body exceeds " + limit + " bytes");
            }
        }
        return read;
    }
}
