package dev.freshet.fragments.live;

import dev.freshet.fragments.media.Frame;
import dev.freshet.fragments.media.Track;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The newest, still-growing fragment of one live stream, as frames arrive (block by block from
 * PutMedia, frame by frame from WebRTC), cut into LL-HLS parts by a {@link PartPlan} as soon as each
 * part is whole — so players can fetch media before the fragment is complete and stored.
 *
 * <p>Readers take an immutable {@link Snapshot}; {@link #awaitChange()} completes on the next part
 * or fragment boundary (blocking playlist reloads wait on it).
 *
 * <p>Thread-safe: one producer calls the mutators; any thread reads.
 */
public final class LiveEdge {

    /** What readers see: the fragment in progress (if any) and its finished parts. */
    public record Snapshot(long fragmentSequence, List<Track> tracks, List<LivePart> parts, boolean receiving) {
    }

    private final PartPlan plan;
    private List<Track> tracks = List.of();
    private long fragmentSequence = -1;
    private List<Frame> pending = new ArrayList<>();
    private long pendingStart;
    private final List<LivePart> parts = new ArrayList<>();
    private volatile Snapshot snapshot = new Snapshot(-1, List.of(), List.of(), false);
    private CompletableFuture<Void> change = new CompletableFuture<>();

    public LiveEdge(PartPlan plan) {
        this.plan = plan;
    }

    public PartPlan plan() {
        return plan;
    }

    /** A new fragment starts; it will be stored as {@code expectedSequence}. */
    public synchronized void startFragment(long expectedSequence, List<Track> fragmentTracks) {
        fragmentSequence = expectedSequence;
        tracks = List.copyOf(fragmentTracks);
        pending = new ArrayList<>();
        parts.clear();
        publish(true);
    }

    /** The next frame of the fragment in progress, in decode order. */
    public synchronized void addFrame(Frame frame) {
        Track track = PartPlan.trackOf(tracks, frame.track());
        if (!pending.isEmpty() && track != null && plan.startsNewPart(frame, track, pendingStart)) {
            closePart(frame.timestampMicros());
        }
        if (pending.isEmpty()) {
            pendingStart = frame.timestampMicros();
        }
        pending.add(frame);
    }

    /** The fragment in progress is complete (and being stored): its last part closes. */
    public synchronized void endFragment() {
        if (!pending.isEmpty()) {
            closePart(PartPlan.endOf(pending));
        }
        publish(false);
    }

    public Snapshot snapshot() {
        return snapshot;
    }

    /** Completes at the next part or fragment boundary. */
    public synchronized CompletableFuture<Void> awaitChange() {
        return change;
    }

    private void closePart(long endMicros) {
        parts.add(PartPlan.part(parts.size(), pending, endMicros, tracks));
        pending = new ArrayList<>();
        publish(true);
    }

    private void publish(boolean receiving) {
        snapshot = new Snapshot(fragmentSequence, tracks, List.copyOf(parts), receiving);
        CompletableFuture<Void> done = change;
        change = new CompletableFuture<>();
        done.complete(null);
    }
}
