package dev.freshet.web.video;

import dev.freshet.fragments.archive.MediaChunks;
import dev.freshet.fragments.archive.MediaStart;
import dev.freshet.fragments.media.Fragment;
import dev.freshet.fragments.store.FragmentInfo;
import dev.freshet.fragments.store.FragmentLog;
import dev.freshet.fragments.video.ResolvedStream;
import dev.freshet.fragments.video.VideoErrorType;
import dev.freshet.fragments.video.VideoStreams;
import dev.freshet.web.protocol.Input;
import dev.freshet.web.server.StreamingResponse;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.StatusCodes;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * GetMedia: from the StartSelector's fragment on, every fragment as a Matroska chunk with the
 * service's tags, then the live ones as they are stored, for as long as the client reads. One chunk
 * is in flight at a time, so a slow reader holds back only itself.
 *
 * <p>Thread-safe.
 */
final class GetMediaAction implements MediaEndpoint.Action {

    private final VideoStreams streams;
    private final ScheduledExecutorService timer;
    private final InstantSource clock;

    GetMediaAction(VideoStreams streams, ScheduledExecutorService timer, InstantSource clock) {
        this.streams = streams;
        this.timer = timer;
        this.clock = clock;
    }

    @Override
    public void answer(RestJsonCall call, HttpServerExchange exchange) {
        ResolvedStream stream = streams.resolve(call.streamRef());
        if (!stream.acceptsMedia()) {
            throw VideoErrorType.RESOURCE_NOT_FOUND.exception("The requested stream is not found or not active.");
        }
        FragmentLog log = streams.fragments(stream);
        Input selector = call.structure("StartSelector").orElseThrow();
        long after = MediaStart.afterSequence(log, stream.creationTime().toEpochMilli(),
            MediaStart.Type.valueOf(selector.string("StartSelectorType").orElseThrow()),
            selector.string("AfterFragmentNumber").orElse(null),
            selector.timestamp("StartTimestamp").map(Instant::toEpochMilli).orElse(null),
            selector.string("ContinuationToken").orElse(null));
        exchange.setStatusCode(StatusCodes.OK);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, MediaChunks.CONTENT_TYPE);
        new Pump(exchange, log, after, exchange.getConnection().getWorker()).next();
    }

    /** Sends fragment after fragment, waiting on the log when caught up. */
    private final class Pump {
        private static final long WAIT_MILLIS = 5_000;

        private final FragmentLog log;
        private final Executor worker;
        private final StreamingResponse response;
        private long last;

        Pump(HttpServerExchange exchange, FragmentLog log, long after, Executor worker) {
            this.log = log;
            this.worker = worker;
            this.last = after;
            this.response = new StreamingResponse(exchange, failure -> { });
        }

        void next() {
            if (response.isClosed()) {
                return;
            }
            List<FragmentInfo> pending = log.after(last, 1);
            if (pending.isEmpty()) {
                await();
                return;
            }
            FragmentInfo info = pending.get(0);
            last = info.sequence();
            Fragment fragment = log.read(info.sequence()).orElse(null);
            if (fragment == null) {
                worker.execute(this::next);
                return;
            }
            long latest = log.latest().map(FragmentInfo::serverTimestampMillis).orElse(clock.millis());
            byte[] chunk = MediaChunks.chunk(info, fragment, latest, true);
            response.send(ByteBuffer.wrap(chunk), () -> worker.execute(this::next));
        }

        private void await() {
            CompletableFuture<Void> arrived = log.awaitAfter(last);
            if (arrived.isDone() && log.after(last, 1).isEmpty()) {
                response.end();
                return;
            }
            CompletableFuture<Void> wake = new CompletableFuture<>();
            arrived.thenRun(() -> wake.complete(null));
            var timeout = timer.schedule(() -> wake.complete(null), WAIT_MILLIS, TimeUnit.MILLISECONDS);
            wake.thenRunAsync(() -> {
                timeout.cancel(false);
                arrived.cancel(false);
                next();
            }, worker);
        }
    }
}
