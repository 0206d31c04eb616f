package dev.freshet.web.video;

import dev.freshet.fragments.store.FragmentInfo;
import io.undertow.server.HttpServerExchange;

import java.time.InstantSource;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Holds a playback request, without a thread, until the live stream has what it asks for (an LL-HLS
 * blocking playlist reload, a preload-hinted part): it re-checks whenever the live edge cuts a part
 * or a fragment is stored, and answers anyway once the wait limit passes (the player then asks
 * again), as the LL-HLS spec lets a server do.
 *
 * <p>Thread-safe.
 */
final class LiveWait {

    private final ScheduledExecutorService timer;
    private final InstantSource clock;
    private final long maxWaitMillis;

    LiveWait(ScheduledExecutorService timer, InstantSource clock, long maxWaitMillis) {
        this.timer = timer;
        this.clock = clock;
        this.maxWaitMillis = maxWaitMillis;
    }

    /** Runs {@code answer} on a worker thread once {@code ready} holds or the wait limit passed. */
    void until(HttpServerExchange exchange, PlaybackStreams.Playback playback, BooleanSupplier ready, Runnable answer,
               Consumer<Throwable> failed) {
        attempt(exchange, playback, ready, answer, failed, clock.millis() + maxWaitMillis);
    }

    /** The newest segment the stream has: stored, or being recorded. */
    static long newestSequence(PlaybackStreams.Playback playback) {
        long stored = storedSequence(playback);
        return Math.max(stored, playback.edge().snapshot().fragmentSequence());
    }

    /** Whether segment {@code sequence} is stored, or part {@code part} of it is cut (part -1: whole segment). */
    static boolean holds(PlaybackStreams.Playback playback, long sequence, int part) {
        if (storedSequence(playback) >= sequence) {
            return true;
        }
        return part >= 0 && playback.edge().snapshot().partsOf(sequence).size() > part;
    }

    private static long storedSequence(PlaybackStreams.Playback playback) {
        return playback.log().latest().map(FragmentInfo::sequence).orElse(-1L);
    }

    private void attempt(HttpServerExchange exchange, PlaybackStreams.Playback playback, BooleanSupplier ready,
                         Runnable answer, Consumer<Throwable> failed, long deadline) {
        try {
            long remaining = deadline - clock.millis();
            if (remaining <= 0 || ready.getAsBoolean()) {
                answer.run();
                return;
            }
            long stored = storedSequence(playback);
            CompletableFuture<Void> edgeChanged = playback.edge().awaitChange();
            CompletableFuture<Void> fragmentStored = playback.log().awaitAfter(stored);
            // Subscribed first, checked again: a change between the first check and now is not lost.
            boolean logClosed = fragmentStored.isDone() && storedSequence(playback) == stored;
            if (logClosed || ready.getAsBoolean()) {
                edgeChanged.cancel(false);
                fragmentStored.cancel(false);
                answer.run();
                return;
            }
            CompletableFuture<Object> wake = CompletableFuture.anyOf(edgeChanged, fragmentStored);
            ScheduledFuture<?> timeout = timer.schedule(() -> wake.complete(null), remaining, TimeUnit.MILLISECONDS);
            wake.whenCompleteAsync((value, error) -> {
                timeout.cancel(false);
                edgeChanged.cancel(false);
                fragmentStored.cancel(false);
                attempt(exchange, playback, ready, answer, failed, deadline);
            }, exchange.getConnection().getWorker());
        } catch (RuntimeException e) {
            failed.accept(e);
        }
    }
}
