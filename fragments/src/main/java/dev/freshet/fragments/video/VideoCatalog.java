package dev.freshet.fragments.video;

import dev.freshet.datastreams.metadata.JsonSnapshots;
import dev.freshet.fragments.store.FragmentStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The metadata of every video stream and the door to their fragments. All access runs under one
 * lock, held for microseconds; fragment-store calls and file writes happen after leaving it.
 * Changes are persisted (a whole {@code catalog.json} snapshot, see {@link JsonSnapshots}) before
 * {@link #mutate} returns.
 *
 * <p>Timed phases (CREATING, UPDATING, DELETING) are stored as an end time and applied lazily on
 * the next access, so they need no scheduler and survive restarts.
 *
 * <p>Fragment store calls, in order with the metadata:
 * <ul>
 *   <li>create and retention change: {@code open}/{@code updateRetention} after the change is
 *   persisted (queued with {@link #afterCommit}); every stream is opened again at start, which
 *   repairs a crash between the two;</li>
 *   <li>end of DELETING: the stream leaves the catalog and its id joins
 *   {@code pendingDeletions}; {@code delete} runs after the lock is released, and the id leaves the
 *   list only once the store confirmed. Ids still listed at start are deleted again, so a crash
 *   never leaves fragments of a stream the catalog forgot.</li>
 * </ul>
 *
 * <p>Thread-safe.
 */
final class VideoCatalog {

    private static final Logger LOG = LoggerFactory.getLogger(VideoCatalog.class);
    static final String NOT_FOUND_MESSAGE = "The requested stream is not found or not active.";

    private final VideoSettings settings;
    private final FragmentStore store;
    private final JsonSnapshots<VideoCatalogState> snapshots;
    private final VideoCatalogState state;
    private final ReentrantLock lock = new ReentrantLock();
    private final List<String> dueDeletions = new ArrayList<>();
    private final List<Runnable> storeCalls = new ArrayList<>();
    private long version;
    private long nextTransitionMillis;

    VideoCatalog(VideoSettings settings, FragmentStore store, JsonSnapshots<VideoCatalogState> snapshots) {
        this.settings = settings;
        this.store = store;
        this.snapshots = snapshots;
        this.state = snapshots.load(VideoCatalogState::new);
        deleteFragments(List.copyOf(state.pendingDeletions));
        mutate(current -> null);
        openAll();
    }

    VideoSettings settings() {
        return settings;
    }

    long now() {
        return settings.clock().millis();
    }

    /** Runs {@code action} on the current state under the lock. It must not change the state. */
    <T> T read(Function<VideoCatalogState, T> action) {
        lock.lock();
        try {
            applyDueTransitions();
            return action.apply(state);
        } finally {
            unlockThenDeleteDue();
        }
    }

    /**
     * Runs {@code action} under the lock, persists the state, then runs the fragment-store calls
     * the action queued. The action must check everything before it changes anything: a thrown
     * exception leaves no trace.
     */
    <T> T mutate(Function<VideoCatalogState, T> action) {
        Commit<T> commit;
        lock.lock();
        try {
            applyDueTransitions();
            T result = action.apply(state);
            commit = new Commit<>(result, snapshots.snapshot(state), ++version, take(storeCalls));
        } catch (RuntimeException | Error e) {
            storeCalls.clear();
            throw e;
        } finally {
            unlockThenDeleteDue();
        }
        snapshots.write(commit.version(), commit.snapshot());
        commit.storeCalls().forEach(Runnable::run);
        return commit.result();
    }

    /** A persisted change: the action's result, the snapshot to write and the store calls to make after. */
    private record Commit<T>(T result, byte[] snapshot, long version, List<Runnable> storeCalls) {
    }

    /** Queues a fragment-store call to run once the current mutation is persisted. Call under the lock. */
    void afterCommit(Runnable storeCall) {
        storeCalls.add(storeCall);
    }

    /** Opens the fragments of a stream (creating them if needed) with its retention. */
    void openFragments(String id, long createdMillis, int retentionHours) {
        store.open(id, createdMillis, Duration.ofHours(retentionHours));
    }

    FragmentStore store() {
        return store;
    }

    /** The stream a request names, in any status, or ResourceNotFoundException. Call under the lock. */
    VideoStreamState require(VideoCatalogState current, VideoStreamRef ref) {
        String name = nameOf(ref);
        VideoStreamState stream = current.streams.get(name);
        if (stream == null || (ref.arn() != null && !ref.arn().equals(arn(stream)))) {
            throw notFound();
        }
        return stream;
    }

    /** Like {@link #require} but the stream must be ACTIVE (to change it): else ResourceInUseException. */
    VideoStreamState requireActive(VideoCatalogState current, VideoStreamRef ref) {
        VideoStreamState stream = require(current, ref);
        if (stream.status != StreamStatus.ACTIVE) {
            throw VideoErrorType.RESOURCE_IN_USE.exception("The stream %s is %s, not ACTIVE.", stream.name,
                stream.status);
        }
        return stream;
    }

    static VideoException notFound() {
        return VideoErrorType.RESOURCE_NOT_FOUND.exception(NOT_FOUND_MESSAGE);
    }

    String arn(VideoStreamState stream) {
        return settings.streamArn(stream.name, stream.createdMillis);
    }

    /** Starts a timed phase; it ends after the transition delay, on the next access. Call under the lock. */
    void beginPhase(VideoStreamState stream, StreamStatus status) {
        stream.status = status;
        stream.statusUntilMillis = now() + settings.transitionDelay().toMillis();
        nextTransitionMillis = Math.min(nextTransitionMillis, stream.statusUntilMillis);
        applyDueTransitions();
    }

    /** The data plane's view of a stream. Call under the lock. */
    ResolvedStream resolved(VideoStreamState stream) {
        return new ResolvedStream(stream.id, stream.name, arn(stream), stream.retentionHours, stream.status,
            Instant.ofEpochMilli(stream.createdMillis));
    }

    private String nameOf(VideoStreamRef ref) {
        if (ref.arn() == null && ref.name() == null) {
            throw VideoErrorType.INVALID_ARGUMENT.exception("Either StreamName or StreamARN must be provided.");
        }
        if (ref.arn() == null) {
            return ref.name();
        }
        VideoArn arn = VideoArn.parse(ref.arn()).orElseThrow(
            () -> VideoErrorType.INVALID_ARGUMENT.exception("StreamARN %s is not a Kinesis video stream ARN.", ref.arn()));
        if (ref.name() != null && !ref.name().equals(arn.name())) {
            throw VideoErrorType.INVALID_ARGUMENT.exception(
                "StreamARN %s and StreamName %s do not name the same stream.", ref.arn(), ref.name());
        }
        if (!arn.isStream()) {
            throw notFound();
        }
        return arn.name();
    }

    private void applyDueTransitions() {
        long now = now();
        if (now < nextTransitionMillis) {
            return;
        }
        long next = Long.MAX_VALUE;
        for (Iterator<VideoStreamState> it = state.streams.values().iterator(); it.hasNext(); ) {
            VideoStreamState stream = it.next();
            if (endPhaseIfDue(stream, now)) {
                it.remove();
                forget(stream);
            } else if (stream.status != StreamStatus.ACTIVE) {
                next = Math.min(next, stream.statusUntilMillis);
            }
        }
        nextTransitionMillis = next;
    }

    /** Ends the stream's timed phase if it is due; true when the stream is gone (DELETING ended). */
    private static boolean endPhaseIfDue(VideoStreamState stream, long now) {
        if (stream.status == StreamStatus.ACTIVE || stream.statusUntilMillis > now) {
            return false;
        }
        if (stream.status == StreamStatus.DELETING) {
            return true;
        }
        stream.status = StreamStatus.ACTIVE;
        return false;
    }

    /**
     * Releases the lock, then removes the fragments of streams whose DELETING phase just ended.
     * Their ids are in {@code pendingDeletions} already, so a crash before or after is repaired.
     */
    private void unlockThenDeleteDue() {
        List<String> deletions = take(dueDeletions);
        lock.unlock();
        deleteFragments(deletions);
    }

    private void forget(VideoStreamState stream) {
        state.pendingDeletions.add(stream.id);
        dueDeletions.add(stream.id);
        LOG.atInfo().setMessage("video stream deleted").addKeyValue("stream", stream.name)
            .addKeyValue("id", stream.id).log();
    }

    /** Removes the fragments of deleted streams; an id stays pending (retried at start) if that fails. */
    private void deleteFragments(List<String> ids) {
        for (String id : ids) {
            try {
                store.delete(id);
                lock.lock();
                try {
                    state.pendingDeletions.remove(id);
                } finally {
                    lock.unlock();
                }
            } catch (RuntimeException e) {
                LOG.atWarn().setMessage("could not delete the fragments of a deleted video stream; retried at start")
                    .addKeyValue("id", id).setCause(e).log();
            }
        }
    }

    /** Opens every stream's fragments at start, so the store recovers them before the first request. */
    private void openAll() {
        List<ResolvedStream> streams = read(current -> current.streams.values().stream()
            .filter(stream -> stream.status != StreamStatus.DELETING).map(this::resolved).toList());
        for (ResolvedStream stream : streams) {
            store.open(stream.id(), stream.creationTime().toEpochMilli(), stream.retention());
        }
    }

    private static <T> List<T> take(List<T> queue) {
        if (queue.isEmpty()) {
            return List.of();
        }
        List<T> taken = List.copyOf(queue);
        queue.clear();
        return taken;
    }
}
