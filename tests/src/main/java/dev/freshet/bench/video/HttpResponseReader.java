package dev.freshet.bench.video;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads HTTP/1.1 responses (RFC 9112) from a connection's input: the status line and header fields,
 * then a body framed by {@code Content-Length}, by chunked transfer coding (section 7.1; chunk
 * extensions and trailers are skipped) or by the connection closing. Enough for the PutMedia ack
 * stream and for keep-alive GETs; no 1xx handling beyond skipping them.
 *
 * <p>Not thread-safe: one reader per connection.
 */
final class HttpResponseReader {

    /** A response head: the status code and the header fields, names in lower case. */
    record Head(int status, Map<String, String> headers) {

        /** How the body is framed: its length, {@link #CHUNKED}, or {@link #UNTIL_CLOSE}. */
        long bodyLength() {
            String coding = headers.getOrDefault("transfer-encoding", "");
            if (coding.toLowerCase(Locale.ROOT).contains("chunked")) {
                return CHUNKED;
            }
            String length = headers.get("content-length");
            return length == null ? UNTIL_CLOSE : Long.parseLong(length.trim());
        }
    }

    static final long CHUNKED = -1;
    static final long UNTIL_CLOSE = -2;
    private static final int MAX_LINE = 16 * 1024;

    private final InputStream in;

    /** @param in the connection's input, buffered: heads are read an octet at a time */
    HttpResponseReader(InputStream in) {
        this.in = in;
    }

    /** The next final (non-1xx) response head. */
    Head readHead() throws IOException {
        while (true) {
            String statusLine = readLine();
            String[] parts = statusLine.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
                throw new IOException("not an HTTP/1.x status line: " + statusLine);
            }
            int status = Integer.parseInt(parts[1]);
            Map<String, String> headers = new HashMap<>();
            for (String line = readLine(); !line.isEmpty(); line = readLine()) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
                }
            }
            if (status >= 200) {
                return new Head(status, headers);
            }
        }
    }

    /** The body of {@code head} as a stream that ends where the body ends (the connection stays usable). */
    InputStream body(Head head) {
        long length = head.bodyLength();
        if (length == CHUNKED) {
            return new ChunkedBody();
        }
        return length == UNTIL_CLOSE ? in : new LimitedBody(length);
    }

    /** A CRLF-terminated line without its terminator (a bare LF is accepted too). */
    private String readLine() throws IOException {
        byte[] line = new byte[128];
        int n = 0;
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new EOFException("connection closed inside a line");
            }
            if (n == line.length) {
                if (n == MAX_LINE) {
                    throw new IOException("line longer than " + MAX_LINE + " octets");
                }
                line = Arrays.copyOf(line, Math.min(MAX_LINE, n * 2));
            }
            line[n++] = (byte) b;
        }
        if (n > 0 && line[n - 1] == '\r') {
            n--;
        }
        return new String(line, 0, n, StandardCharsets.ISO_8859_1);
    }

    /** A body of known length. */
    private final class LimitedBody extends InputStream {
        private long remaining;

        LimitedBody(long length) {
            remaining = length;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            if (remaining == 0) {
                return -1;
            }
            int n = in.read(buf, off, (int) Math.min(len, remaining));
            if (n < 0) {
                throw new EOFException("connection closed with " + remaining + " octets of body missing");
            }
            remaining -= n;
            return n;
        }
    }

    /** A chunked body: {@code size-in-hex[;ext] CRLF data CRLF}..., ended by a zero-size chunk and trailers. */
    private final class ChunkedBody extends InputStream {
        private long remaining;
        private boolean done;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            if (remaining == 0 && !nextChunk()) {
                return -1;
            }
            int n = in.read(buf, off, (int) Math.min(len, remaining));
            if (n < 0) {
                throw new EOFException("connection closed inside a chunk");
            }
            remaining -= n;
            if (remaining == 0) {
                readLine();
            }
            return n;
        }

        private boolean nextChunk() throws IOException {
            if (done) {
                return false;
            }
            String size = readLine();
            int extension = size.indexOf(';');
            remaining = Long.parseLong((extension < 0 ? size : size.substring(0, extension)).trim(), 16);
            if (remaining == 0) {
                done = true;
                for (String trailer = readLine(); !trailer.isEmpty(); trailer = readLine()) {
                    // trailers carry nothing the generator needs
                }
            }
            return !done;
        }
    }
}
