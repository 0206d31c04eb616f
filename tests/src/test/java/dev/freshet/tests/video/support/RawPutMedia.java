package dev.freshet.tests.video.support;

import static org.awaitility.Awaitility.await;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * PutMedia over a raw socket, for exact control of what the server receives: one HTTP/1.1 POST with
 * {@code Transfer-Encoding: chunked}, bytes sent in whatever pieces the test chooses (a cluster cut in
 * half, garbage, a giant element size), optionally {@code Expect: 100-continue} first; the response is
 * read on a background thread and its newline-delimited JSON acknowledgements collected as {@link Ack}s.
 *
 * <pre>
 *   POST /putMedia HTTP/1.1                          HTTP/1.1 200 OK
 *   x-amzn-stream-name: NAME                         Transfer-Encoding: chunked (or until close)
 *   x-amzn-fragment-timecode-type: RELATIVE     ⇄    {"EventType":"BUFFERING","FragmentTimecode":0,…}
 *   x-amzn-producer-start-timestamp: 1700000000.000  {"EventType":"RECEIVED",…}
 *   Transfer-Encoding: chunked                       {"EventType":"PERSISTED",…}
 * </pre>
 *
 * <p>Not thread-safe for sending (one test thread); the ack list may be read from any thread.
 */
public final class RawPutMedia implements AutoCloseable {
    private static final int CHUNK = 16 * 1024;

    private final Socket socket;
    private final OutputStream out;
    private final List<Ack> acks = new CopyOnWriteArrayList<>();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final ByteArrayOutputStream errorBody = new ByteArrayOutputStream();
    private final AtomicReference<Integer> status = new AtomicReference<>();
    private volatile boolean continued;
    private volatile boolean responseEnded;
    private volatile Throwable readFailure;
    private volatile IOException writeFailure;

    private RawPutMedia(URI endpoint, Map<String, String> requestHeaders, boolean expectContinue) {
        try {
            socket = new Socket(endpoint.getHost(), endpoint.getPort());
            socket.setTcpNoDelay(true);
            out = socket.getOutputStream();
            StringBuilder head = new StringBuilder("POST /putMedia HTTP/1.1\r\n")
                    .append("Host: ").append(endpoint.getHost()).append(':').append(endpoint.getPort()).append("\r\n")
                    .append("User-Agent: freshet-tests-raw-putmedia\r\n")
                    .append("Transfer-Encoding: chunked\r\n");
            if (expectContinue) {
                head.append("Expect: 100-continue\r\n");
            }
            requestHeaders.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
            head.append("\r\n");
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open PutMedia to " + endpoint, e);
        }
        Thread reader = new Thread(this::readResponse, "raw-putmedia-acks");
        reader.setDaemon(true);
        reader.start();
        if (expectContinue) {
            await("100 Continue or a final status").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5))
                    .until(() -> continued || status.get() != null || readFailure != null);
        }
    }

    public static Builder to(URI endpoint) {
        return new Builder(endpoint);
    }

    /** Sends bytes as chunks of at most 16 KiB; false (and no exception) when the server has closed. */
    public boolean send(byte[] data) {
        return send(data, CHUNK);
    }

    public boolean send(byte[] data, int chunkSize) {
        for (int from = 0; from < data.length; from += chunkSize) {
            int length = Math.min(chunkSize, data.length - from);
            if (!writeRaw((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1), data, from,
                    length, "\r\n".getBytes(StandardCharsets.ISO_8859_1))) {
                return false;
            }
        }
        return true;
    }

    /** Ends the body with the zero-length chunk. */
    public boolean finish() {
        return writeRaw("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), new byte[0], 0, 0, new byte[0]);
    }

    /** Drops the connection with a reset (SO_LINGER 0), as a producer that crashes or loses power. */
    public void abort() {
        try {
            socket.setSoLinger(true, 0);
            socket.close();
        } catch (IOException ignored) {
            // already gone
        }
    }

    public boolean continued() {
        return continued;
    }

    /** The HTTP status, once the response line arrived. */
    public int awaitStatus(Duration atMost) {
        await("PutMedia response status").atMost(atMost).pollInterval(Duration.ofMillis(10))
                .until(() -> status.get() != null || readFailure != null);
        if (status.get() == null) {
            throw new AssertionError("no PutMedia response status: " + readFailure, readFailure);
        }
        return status.get();
    }

    /** A response header (case-insensitive name), or null. */
    public String responseHeader(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** The body of a non-200 response (the JSON error). */
    public String errorBody() {
        synchronized (errorBody) {
            return errorBody.toString(StandardCharsets.UTF_8);
        }
    }

    public List<Ack> acks() {
        return List.copyOf(acks);
    }

    /** Waits for the first ack matching {@code condition} and returns it. */
    public Ack awaitAck(String description, Predicate<Ack> condition, Duration atMost) {
        await(description).atMost(atMost).pollInterval(Duration.ofMillis(10))
                .failFast("PutMedia response ended without it; acks: " + acks,
                        () -> responseEnded && acks.stream().noneMatch(condition))
                .until(() -> acks.stream().anyMatch(condition));
        return acks.stream().filter(condition).findFirst().orElseThrow();
    }

    /** Waits until the server has ended the response (last chunk or close) and returns every ack. */
    public List<Ack> awaitResponseEnd(Duration atMost) {
        await("end of the PutMedia response; acks so far " + acks).atMost(atMost).pollInterval(Duration.ofMillis(10))
                .until(() -> responseEnded);
        return acks();
    }

    public boolean responseEnded() {
        return responseEnded;
    }

    /** The write error, if the server closed the connection while the test was still sending. */
    public IOException writeFailure() {
        return writeFailure;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing
        }
    }

    private boolean writeRaw(byte[] prefix, byte[] data, int from, int length, byte[] suffix) {
        if (writeFailure != null) {
            return false;
        }
        try {
            out.write(prefix);
            out.write(data, from, length);
            out.write(suffix);
            out.flush();
            return true;
        } catch (IOException e) {
            writeFailure = e;
            return false;
        }
    }

    private void readResponse() {
        try (InputStream in = new BufferedInputStream(socket.getInputStream())) {
            int code = statusCode(line(in));
            while (code == 100) {
                continued = true;
                readHeaders(in);
                code = statusCode(line(in));
            }
            readHeaders(in);
            status.set(code);
            readBody(in, code);
        } catch (IOException | RuntimeException e) {
            if (status.get() == null) {
                readFailure = e;
            }
        } finally {
            responseEnded = true;
        }
    }

    private void readBody(InputStream in, int code) throws IOException {
        LineCollector lines = new LineCollector(code == 200);
        if ("chunked".equalsIgnoreCase(responseHeader("transfer-encoding"))) {
            while (true) {
                String size = line(in);
                if (size == null) {
                    return;
                }
                int length = Integer.parseInt(size.split(";")[0].trim(), 16);
                if (length == 0) {
                    line(in);
                    return;
                }
                lines.accept(in.readNBytes(length));
                line(in);
            }
        }
        long remaining = responseHeader("content-length") == null ? Long.MAX_VALUE
                : Long.parseLong(responseHeader("content-length").trim());
        byte[] buffer = new byte[8192];
        while (remaining > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
            if (n < 0) {
                return;
            }
            remaining -= n;
            lines.accept(java.util.Arrays.copyOf(buffer, n));
        }
    }

    /** Splits the body into lines; on a 200 each non-blank line is an ack, otherwise it is error text. */
    private final class LineCollector {
        private final boolean acksExpected;
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

        LineCollector(boolean acksExpected) {
            this.acksExpected = acksExpected;
        }

        void accept(byte[] bytes) {
            if (!acksExpected) {
                synchronized (errorBody) {
                    errorBody.writeBytes(bytes);
                }
                return;
            }
            for (byte b : bytes) {
                if (b == '\n') {
                    String line = pending.toString(StandardCharsets.UTF_8).trim();
                    pending.reset();
                    if (!line.isEmpty()) {
                        acks.add(Ack.parse(line));
                    }
                } else {
                    pending.write(b);
                }
            }
        }
    }

    private void readHeaders(InputStream in) throws IOException {
        for (String line = line(in); line != null && !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
        }
    }

    private static int statusCode(String statusLine) throws IOException {
        if (statusLine == null || !statusLine.startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP status line: " + statusLine);
        }
        return Integer.parseInt(statusLine.split(" ")[1]);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                String s = line.toString(StandardCharsets.ISO_8859_1);
                return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    /** Request headers of one upload; the defaults are RELATIVE timecodes starting now. */
    public static final class Builder {
        private final URI endpoint;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private boolean expectContinue;

        private Builder(URI endpoint) {
            this.endpoint = endpoint;
            headers.put("x-amzn-fragment-timecode-type", "RELATIVE");
            headers.put("x-amzn-producer-start-timestamp", FfmpegPublisher.epochSeconds(System.currentTimeMillis()));
            headers.put("Content-Type", "video/x-matroska");
            // As the KVS producer SDKs do: this producer reads its acks while it uploads.
            headers.put("x-amzn-fragment-acknowledgment-required", "1");
        }

        public Builder streamName(String name) {
            headers.put("x-amzn-stream-name", name);
            return this;
        }

        public Builder streamArn(String arn) {
            headers.put("x-amzn-stream-arn", arn);
            return this;
        }

        public Builder relative(long producerStartMillis) {
            headers.put("x-amzn-fragment-timecode-type", "RELATIVE");
            headers.put("x-amzn-producer-start-timestamp", FfmpegPublisher.epochSeconds(producerStartMillis));
            return this;
        }

        public Builder header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public Builder withoutHeader(String name) {
            headers.remove(name);
            return this;
        }

        public Builder expectContinue() {
            expectContinue = true;
            return this;
        }

        public RawPutMedia open() {
            return new RawPutMedia(endpoint, new LinkedHashMap<>(headers), expectContinue);
        }
    }
}
