package dev.freshet.bench.video;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.1 GETs over one persistent connection, reading each body to its end into a scratch buffer
 * and counting it. The segment-serving test uses it instead of {@code java.net.http}: at a gigabit
 * and more on a two-core machine shared with the server, the client's own copying would otherwise
 * be a large part of what is measured. Reconnects after a failure or a {@code Connection: close}.
 *
 * <p>Not thread-safe: one per client thread.
 */
final class KeepAliveClient implements Closeable {

    private final URI endpoint;
    private final byte[] scratch = new byte[256 * 1024];
    private Socket socket;
    private OutputStream out;
    private HttpResponseReader reader;

    KeepAliveClient(URI endpoint) {
        this.endpoint = endpoint;
    }

    /**
     * GETs {@code pathAndQuery} and reads the whole body.
     *
     * @return the body's length
     * @throws IOException on a transport failure or a status other than 200
     */
    long get(String pathAndQuery) throws IOException {
        try {
            connectIfNeeded();
            out.write(("GET " + pathAndQuery + " HTTP/1.1\r\nHost: " + endpoint.getHost() + ":" + endpoint.getPort()
                + "\r\nUser-Agent: freshet-video-bench\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            HttpResponseReader.Head head = reader.readHead();
            long length = drain(reader.body(head));
            if (head.bodyLength() == HttpResponseReader.UNTIL_CLOSE
                || "close".equalsIgnoreCase(head.headers().getOrDefault("connection", ""))) {
                close();
            }
            if (head.status() != 200) {
                throw new IOException("HTTP " + head.status() + " for " + pathAndQuery);
            }
            return length;
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // the connection is dropped either way
            }
            socket = null;
        }
    }

    private void connectIfNeeded() throws IOException {
        if (socket == null) {
            socket = new Socket(endpoint.getHost(), endpoint.getPort());
            socket.setTcpNoDelay(true);
            out = socket.getOutputStream();
            reader = new HttpResponseReader(new BufferedInputStream(socket.getInputStream(), 64 * 1024));
        }
    }

    private long drain(InputStream body) throws IOException {
        long total = 0;
        for (int n = body.read(scratch); n >= 0; n = body.read(scratch)) {
            total += n;
        }
        return total;
    }
}
