package dev.freshet.web.video;

import dev.freshet.fragments.ingest.PutMediaAck;
import dev.freshet.fragments.ingest.PutMediaSession;
import dev.freshet.fragments.video.ResolvedStream;
import dev.freshet.fragments.video.VideoErrorType;
import dev.freshet.fragments.video.VideoException;
import dev.freshet.fragments.video.VideoStreamRef;
import dev.freshet.fragments.video.VideoStreams;
import dev.freshet.web.server.RequestBodyLimit;
import dev.freshet.web.server.StreamingResponse;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import io.undertow.util.SameThreadExecutor;
import io.undertow.util.StatusCodes;
import org.xnio.channels.StreamSourceChannel;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code POST /putMedia}: one long-lived chunked upload of a Matroska stream into a video stream.
 * The headers name the stream ({@code x-amzn-stream-name} or {@code x-amzn-stream-arn}), the
 * timecode type ({@code x-amzn-fragment-timecode-type}) and the producer start
 * ({@code x-amzn-producer-start-timestamp}, epoch seconds). The response is newline-delimited
 * JSON acknowledgements.
 *
 * <p>Acks stream while the body is still arriving (full duplex) when the producer says it reads
 * them: the KVS producer SDKs send {@code x-amzn-fragment-acknowledgment-required}, and a client
 * that waits for {@code 100 Continue} reads the response too. Any other producer gets its acks
 * when its upload ends: ffmpeg never reads the response and closes its socket after the last
 * chunk, and a close with unread bytes makes its kernel send a reset that discards the end of the
 * upload still on the way — so an ack sent early would cost the producer its last fragment.
 *
 * <p>Neither side can block the other: the body is read as it arrives and parsed on a serial task
 * queue (reading pauses while too much waits), and acks are written without blocking; acks beyond a
 * bound that a producer does not read are dropped, never the media. Errors
 * before the upload starts are REST-JSON errors; during it, one ERROR ack, then the connection
 * closes. One upload per stream at a time (ConnectionLimitExceededException otherwise).
 *
 * <p>Thread-safe.
 */
final class PutMediaHandler implements HttpHandler {

    static final HttpString STREAM_NAME = new HttpString("x-amzn-stream-name");
    static final HttpString STREAM_ARN = new HttpString("x-amzn-stream-arn");
    static final HttpString TIMECODE_TYPE = new HttpString("x-amzn-fragment-timecode-type");
    static final HttpString PRODUCER_START = new HttpString("x-amzn-producer-start-timestamp");
    static final HttpString ACKS_REQUIRED = new HttpString("x-amzn-fragment-acknowledgment-required");

    private final VideoStreams streams;
    private final LiveEdges edges;
    private final ScheduledExecutorService timer;
    private final InstantSource clock;

    PutMediaHandler(VideoStreams streams, LiveEdges edges, ScheduledExecutorService timer, InstantSource clock) {
        this.streams = streams;
        this.edges = edges;
        this.timer = timer;
        this.clock = clock;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        if (!exchange.getRequestMethod().equals(Methods.POST)) {
            RestJsonErrors.send(exchange, VideoErrors.of(VideoErrorType.INVALID_ARGUMENT.exception("PutMedia is a POST.")));
            return;
        }
        try {
            ResolvedStream stream = stream(exchange);
            PutMediaSession.TimecodeType type = timecodeType(exchange);
            long producerStart = producerStartMillis(exchange, type);
            if (!edges.claimUpload(stream.id())) {
                throw VideoErrorType.CONNECTION_LIMIT_EXCEEDED.exception(
                    "Another PutMedia connection is already writing stream %s.", stream.name());
            }
            // Dispatched (on this I/O thread), so Undertow does not end the exchange when this call
            // returns: a short body may be read completely before then, and the acks are still to come.
            exchange.dispatch(SameThreadExecutor.INSTANCE, () -> start(exchange, stream, type, producerStart));
        } catch (VideoException e) {
            RestJsonErrors.send(exchange, VideoErrors.of(e));
        }
    }

    private void start(HttpServerExchange exchange, ResolvedStream stream, PutMediaSession.TimecodeType type,
                       long producerStart) {
        RequestBodyLimit.set(exchange, Long.MAX_VALUE);
        exchange.setStatusCode(StatusCodes.OK);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
        Upload upload = new Upload(exchange, stream, edges, timer, readsAcks(exchange));
        PutMediaSession session = new PutMediaSession(streams.fragments(stream), edges.edge(stream.id()),
            stream.creationTime().toEpochMilli(), type, producerStart, upload::ack, clock);
        upload.begin(session);
        upload.read(exchange.getRequestChannel());
    }

    /** Whether the producer reads acks while it uploads (see the class comment). */
    private static boolean readsAcks(HttpServerExchange exchange) {
        HeaderMap headers = exchange.getRequestHeaders();
        String expect = headers.getFirst(Headers.EXPECT);
        return headers.contains(ACKS_REQUIRED) || expect != null && expect.equalsIgnoreCase("100-continue");
    }

    private ResolvedStream stream(HttpServerExchange exchange) {
        String name = exchange.getRequestHeaders().getFirst(STREAM_NAME);
        String arn = exchange.getRequestHeaders().getFirst(STREAM_ARN);
        if ((name == null) == (arn == null)) {
            throw VideoErrorType.INVALID_ARGUMENT.exception(
                "Specify exactly one of the x-amzn-stream-name and x-amzn-stream-arn headers.");
        }
        ResolvedStream stream = streams.resolve(new VideoStreamRef(name, arn));
        if (!stream.acceptsMedia()) {
            throw VideoErrorType.RESOURCE_NOT_FOUND.exception("The requested stream is not found or not active.");
        }
        return stream;
    }

    private static PutMediaSession.TimecodeType timecodeType(HttpServerExchange exchange) {
        String type = exchange.getRequestHeaders().getFirst(TIMECODE_TYPE);
        if (type == null) {
            throw VideoErrorType.INVALID_ARGUMENT.exception("The x-amzn-fragment-timecode-type header is required.");
        }
        try {
            return PutMediaSession.TimecodeType.valueOf(type.trim());
        } catch (IllegalArgumentException e) {
            throw VideoErrorType.INVALID_ARGUMENT.exception(
                "x-amzn-fragment-timecode-type must be ABSOLUTE or RELATIVE, not %s.", type);
        }
    }

    private long producerStartMillis(HttpServerExchange exchange, PutMediaSession.TimecodeType type) {
        String start = exchange.getRequestHeaders().getFirst(PRODUCER_START);
        if (start == null) {
            if (type == PutMediaSession.TimecodeType.RELATIVE) {
                throw VideoErrorType.INVALID_ARGUMENT.exception(
                    "The x-amzn-producer-start-timestamp header is required with RELATIVE timecodes.");
            }
            return clock.millis();
        }
        try {
            return new BigDecimal(start.trim()).movePointRight(3).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw VideoErrorType.INVALID_ARGUMENT.exception(
                "x-amzn-producer-start-timestamp must be epoch seconds, not %s.", start);
        }
    }

    /** The running upload: flow control between the body, the parser and the acks. */
    private static final class Upload {

        private static final long MAX_QUEUED_BODY = 8L * 1024 * 1024;
        private static final long MAX_QUEUED_ACKS = 1024 * 1024;
        private static final long TICK_MILLIS = 2_000;
        private static final int IDLE_TICKS_BEFORE_CLOSE = 15;

        private final HttpServerExchange exchange;
        private final ResolvedStream stream;
        private final LiveEdges edges;
        private final ScheduledExecutorService timer;
        private final SerialExecutor serial;
        private final StreamingResponse response;
        private final boolean liveAcks;
        private final ArrayDeque<byte[]> heldAcks = new ArrayDeque<>();
        private long heldBytes;
        private PutMediaSession session;
        private final ByteBuffer readBuffer = ByteBuffer.allocate(64 * 1024);
        private StreamSourceChannel channel;
        private long queuedBody;
        private boolean paused;
        private boolean over;
        private int idleTicks;
        private ScheduledFuture<?> ticks;

        Upload(HttpServerExchange exchange, ResolvedStream stream, LiveEdges edges, ScheduledExecutorService timer,
               boolean liveAcks) {
            this.exchange = exchange;
            this.liveAcks = liveAcks;
            this.stream = stream;
            this.edges = edges;
            this.timer = timer;
            this.serial = new SerialExecutor(exchange.getConnection().getWorker());
            this.response = new StreamingResponse(exchange, failure -> serial.execute(this::clientGone));
        }

        void begin(PutMediaSession started) {
            session = started;
            if (liveAcks) {
                response.send(ByteBuffer.allocate(0), null);
            }
            ticks = timer.scheduleWithFixedDelay(() -> serial.execute(this::tick), TICK_MILLIS, TICK_MILLIS,
                TimeUnit.MILLISECONDS);
        }

        /**
         * Reads the body straight from the request channel, not through Undertow's Receiver: each
         * Receiver callback runs as a root handler, and Undertow ends an exchange whose root handler
         * returns without resuming it — which would end the ack stream early.
         */
        void read(StreamSourceChannel body) {
            channel = body;
            body.getReadSetter().set(this::readable);
            readable(body);
        }

        /** On the I/O thread: hands what arrived to the serial queue, pausing reads while too much waits. */
        private void readable(StreamSourceChannel body) {
            try {
                while (true) {
                    readBuffer.clear();
                    int count = body.read(readBuffer);
                    if (count == 0) {
                        body.resumeReads();
                        return;
                    }
                    if (count < 0) {
                        body.suspendReads();
                        serial.execute(() -> parse(new byte[0], true));
                        return;
                    }
                    byte[] chunk = Arrays.copyOf(readBuffer.array(), count);
                    boolean pause;
                    synchronized (this) {
                        queuedBody += count;
                        pause = queuedBody > MAX_QUEUED_BODY;
                        paused = pause;
                    }
                    serial.execute(() -> parse(chunk, false));
                    if (pause) {
                        body.suspendReads();
                        return;
                    }
                }
            } catch (IOException failure) {
                body.suspendReads();
                serial.execute(this::clientGone);
            }
        }

        void ack(PutMediaAck ack) {
            boolean error = ack.eventType().equals("ERROR");
            byte[] line = (ack.json() + "\n").getBytes(StandardCharsets.UTF_8);
            if (!liveAcks) {
                hold(line);
            } else if (error || response.queuedBytes() <= MAX_QUEUED_ACKS) {
                response.send(ByteBuffer.wrap(line), null);
            }
            if (error) {
                exchange.setPersistent(false);
                serial.execute(this::finish);
            }
        }

        /** Keeps an ack for the end of the upload; the oldest go first past the bound. */
        private synchronized void hold(byte[] line) {
            heldAcks.addLast(line);
            heldBytes += line.length;
            while (heldBytes > MAX_QUEUED_ACKS && heldAcks.size() > 1) {
                heldBytes -= heldAcks.removeFirst().length;
            }
        }

        private void sendHeldAcks() {
            synchronized (this) {
                for (byte[] line : heldAcks) {
                    response.send(ByteBuffer.wrap(line), null);
                }
                heldAcks.clear();
                heldBytes = 0;
            }
        }

        private void parse(byte[] chunk, boolean last) {
            if (over) {
                return;
            }
            idleTicks = 0;
            session.feed(chunk, 0, chunk.length);
            resumeIfDrained(chunk.length);
            if (last && !session.failed()) {
                session.finish();
                session.settled().thenRun(() -> serial.execute(this::finish));
            }
        }

        private void resumeIfDrained(int consumed) {
            synchronized (this) {
                queuedBody -= consumed;
                if (paused && queuedBody < MAX_QUEUED_BODY / 2) {
                    paused = false;
                    exchange.getIoThread().execute(() -> readable(channel));
                }
            }
        }

        private void tick() {
            if (over) {
                return;
            }
            session.tick();
            if (++idleTicks >= IDLE_TICKS_BEFORE_CLOSE) {
                finish();
            }
        }

        private void clientGone() {
            over = true;
            release();
        }

        private void finish() {
            if (over) {
                return;
            }
            over = true;
            release();
            sendHeldAcks();
            response.end();
        }

        private void release() {
            if (ticks != null) {
                ticks.cancel(false);
            }
            edges.releaseUpload(stream.id());
        }
    }
}
