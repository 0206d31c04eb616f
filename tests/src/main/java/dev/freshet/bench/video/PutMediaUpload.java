package dev.freshet.bench.video;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One PutMedia upload over its own socket, full duplex like the KVS producer SDK's: a writer thread
 * drains the camera's queue into one chunked HTTP/1.1 POST (a chunk per frame, so each frame reaches
 * the server as soon as it is encoded), while a reader thread takes the acknowledgements off the
 * streamed response.
 *
 * <pre>
 *  POST /putMedia HTTP/1.1                              HTTP/1.1 200 OK
 *  x-amzn-stream-name: NAME                             Transfer-Encoding: chunked
 *  x-amzn-fragment-timecode-type: ABSOLUTE        ⇄     {"EventType":"BUFFERING",…}\n
 *  x-amzn-producer-start-timestamp: 1764111111.250      {"EventType":"RECEIVED",…}\n
 *  x-amzn-fragment-acknowledgment-required: 1           {"EventType":"PERSISTED",…}\n
 *  Transfer-Encoding: chunked
 * </pre>
 *
 * The queue sits between the camera and the socket as the SDK's content buffer does, so a socket
 * that blocks (the server not reading) delays only this stream and never the shared scheduler; a
 * backlog beyond {@link #MAX_BACKLOG_BYTES} fails the stream.
 *
 * <p>Thread-safe: the camera sends from scheduler threads; the two threads here own the socket.
 */
final class PutMediaUpload {

    /** A frame to send, with the Cluster start before it when it opens a GOP ({@code clusterStart} null otherwise). */
    record Piece(byte[] clusterStart, long clusterTimestampMillis, byte[] block, long dueNanos) {

        int size() {
            return block.length + (clusterStart == null ? 0 : clusterStart.length);
        }
    }

    /** About 30 s of a 2 Mb/s stream. */
    static final long MAX_BACKLOG_BYTES = 8L * 1024 * 1024;
    private static final Piece END = new Piece(null, -1, new byte[0], 0);
    private static final byte[] CRLF = {'\r', '\n'};

    private final String stream;
    private final Socket socket;
    private final OutputStream out;
    private final FragmentAcks acks;
    private final IngestStats stats;
    private final BlockingQueue<Piece> queue = new LinkedBlockingQueue<>();
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicBoolean failed = new AtomicBoolean();
    private final CountDownLatch responseEnded = new CountDownLatch(1);
    private volatile boolean closing;

    private PutMediaUpload(String stream, Socket socket, IngestStats stats) throws IOException {
        this.stream = stream;
        this.socket = socket;
        this.out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
        this.stats = stats;
        this.acks = new FragmentAcks(stream, stats);
    }

    /** Connects, sends the request head and the stream header, and starts both threads. */
    static PutMediaUpload open(URI endpoint, String stream, long producerStartMillis, byte[] streamHeader,
                               IngestStats stats) throws IOException {
        Socket socket = new Socket(endpoint.getHost(), endpoint.getPort());
        socket.setTcpNoDelay(true);
        PutMediaUpload upload = new PutMediaUpload(stream, socket, stats);
        upload.writeHead(endpoint, producerStartMillis);
        upload.writeChunk(streamHeader, null);
        upload.start();
        return upload;
    }

    String stream() {
        return stream;
    }

    /** Queues a frame; dropped once the upload failed. */
    void send(Piece piece) {
        if (failed.get()) {
            return;
        }
        if (backlog.addAndGet(piece.size()) > MAX_BACKLOG_BYTES) {
            fail("more than " + MAX_BACKLOG_BYTES + " octets wait to be sent: the server stopped reading");
            return;
        }
        queue.add(piece);
    }

    /** Ends the body after what is queued; the server then sends the last acks and ends its response. */
    void finish() {
        queue.add(END);
    }

    /** Waits until the response ended (or failed); false on timeout. */
    boolean awaitResponseEnd(long millis) throws InterruptedException {
        return responseEnded.await(millis, TimeUnit.MILLISECONDS);
    }

    /** Fragments completed in the window that were never acknowledged PERSISTED. */
    int unacknowledged(Window window) {
        return acks.unacknowledged(window);
    }

    void close() {
        closing = true;
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    private void start() {
        Thread writer = new Thread(this::writeLoop, "putmedia-out-" + stream);
        Thread reader = new Thread(this::readLoop, "putmedia-acks-" + stream);
        writer.setDaemon(true);
        reader.setDaemon(true);
        writer.start();
        reader.start();
    }

    private void writeHead(URI endpoint, long producerStartMillis) throws IOException {
        String head = "POST /putMedia HTTP/1.1\r\n"
            + "Host: " + endpoint.getHost() + ":" + endpoint.getPort() + "\r\n"
            + "User-Agent: freshet-video-bench\r\n"
            + "Transfer-Encoding: chunked\r\n"
            + "x-amzn-stream-name: " + stream + "\r\n"
            + "x-amzn-fragment-timecode-type: ABSOLUTE\r\n"
            + "x-amzn-producer-start-timestamp: "
            + String.format(Locale.ROOT, "%.3f", producerStartMillis / 1000.0) + "\r\n"
            // what the producer SDKs send: acks are read while uploading, so the server streams them
            + "x-amzn-fragment-acknowledgment-required: 1\r\n"
            + "\r\n";
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
    }

    private void writeLoop() {
        try {
            for (Piece piece = queue.take(); piece != END; piece = queue.take()) {
                backlog.addAndGet(-piece.size());
                if (failed.get()) {
                    continue;
                }
                long now = System.nanoTime();
                if (piece.clusterStart() != null) {
                    acks.clusterStarts(piece.clusterTimestampMillis(), now);
                }
                writeChunk(piece.clusterStart(), piece.block());
                stats.written(piece.dueNanos(), now, piece.size());
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        } catch (IOException e) {
            fail("sending failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One chunk holding {@code first} (if any) then {@code second} (if any). */
    private void writeChunk(byte[] first, byte[] second) throws IOException {
        int size = (first == null ? 0 : first.length) + (second == null ? 0 : second.length);
        out.write((Integer.toHexString(size) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        if (first != null) {
            out.write(first);
        }
        if (second != null) {
            out.write(second);
        }
        out.write(CRLF);
        out.flush();
    }

    private void readLoop() {
        try {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            HttpResponseReader reader = new HttpResponseReader(in);
            HttpResponseReader.Head head = reader.readHead();
            InputStream body = reader.body(head);
            if (head.status() != 200) {
                fail("HTTP " + head.status() + ": " + new String(body.readNBytes(2048), StandardCharsets.UTF_8));
                return;
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.isBlank()) {
                    acks.onAck(line, System.nanoTime());
                }
            }
        } catch (IOException e) {
            if (!closing) {
                fail("reading acks failed: " + e);
            }
        } finally {
            responseEnded.countDown();
        }
    }

    private void fail(String reason) {
        if (failed.compareAndSet(false, true)) {
            stats.streamFailed(stream, reason);
            queue.add(END);
        }
    }
}
