package dev.freshet.fragments.live;

import dev.freshet.fragments.media.Fragment;
import dev.freshet.fragments.media.Frame;
import dev.freshet.fragments.media.Track;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The newest, still-growing fragment of one live stream, cut into LL-HLS parts by a
 * {@link PartPlan} as soon as each part is whole — so players can fetch media before the fragment
 * is complete and stored. Frames fed one by one ({@link #addFrame}, WebRTC) are cut as they come,
 * which matches the stored fragment's cuts as long as the stream has no B-frames (WebRTC has none);
 * whole fragments ({@link #publishFragment}, PutMedia) are cut with full knowledge.
 *
 * <p>Readers take an immutable {@link Snapshot}; {@link #awaitChange()} completes on the next part
 * or fragment boundary (blocking playlist reloads wait on it).
 *
 * <p>Thread-safe: one producer calls the mutators; any thread reads.
 */
public final class LiveEdge {

    /**
     * What readers see: the fragment in progress (if any) and its finished parts, and the parts of
     * the last few completed fragments (for the part lines of the newest segments).
     */
    public record Snapshot(long fragmentSequence, List<Track> tracks, List<LivePart> parts, boolean receiving,
                           Map<Long, List<LivePart>> recentParts) {

        /** The parts of fragment {@code sequence} if it is the current or a recent one, else empty. */
        public List<LivePart> partsOf(long sequence) {
            if (sequence == fragmentSequence) {
                return parts;
            }
            return recentParts.getOrDefault(sequence, List.of());
        }
    }

    /** Completed fragments whose parts stay listed (the RFC asks for parts of the last few segments). */
    private static final int RECENT_FRAGMENTS = 4;

    private final PartPlan plan;
    private List<Track> tracks = List.of();
    private long fragmentSequence = -1;
    private List<Frame> pending = new ArrayList<>();
    private long pendingStart;
    private final List<LivePart> parts = new ArrayList<>();
    private final LinkedHashMap<Long, List<LivePart>> recent = new LinkedHashMap<>();
    private volatile Snapshot snapshot = new Snapshot(-1, List.of(), List.of(), false, Map.of());
    private CompletableFuture<Void> change = new CompletableFuture<>();

    public LiveEdge(PartPlan plan) {
        this.plan = plan;
    }

    public PartPlan plan() {
        return plan;
    }

    /** A new fragment starts; it will be stored as {@code expectedSequence}. */
    public synchronized void startFragment(long expectedSequence, List<Track> fragmentTracks) {
        if (fragmentSequence >= 0 && !parts.isEmpty()) {
            recent.put(fragmentSequence, List.copyOf(parts));
            while (recent.size() > RECENT_FRAGMENTS) {
                recent.remove(recent.keySet().iterator().next());
            }
        }
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

    /**
     * A whole fragment at once (PutMedia delivers complete Clusters): its parts are cut as for a
     * stored fragment, B-frames allowed, and published together.
     */
    public synchronized void publishFragment(long sequence, Fragment fragment) {
        startFragment(sequence, fragment.tracks());
        parts.addAll(plan.parts(fragment.tracks(), fragment.frames()));
        publish(false);
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

    /** Completes at the next part or fragment boundary; each caller gets its own future to cancel. */
    public synchronized CompletableFuture<Void> awaitChange() {
        return change.copy();
    }

    private void closePart(long endMicros) {
        parts.add(PartPlan.part(parts.size(), pending, endMicros, tracks));
        pending = new ArrayList<>();
        publish(true);
    }

    private void publish(boolean receiving) {
        snapshot = new Snapshot(fragmentSequence, tracks, List.copyOf(parts), receiving, Map.copyOf(recent));
        CompletableFuture<Void> done = change;
        change = new CompletableFuture<>();
        done.complete(null);
    }
}
