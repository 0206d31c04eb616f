package dev.freshet.fragments.live;

import dev.freshet.fragments.media.Frame;
import dev.freshet.fragments.media.Track;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The newest, still-growing fragment of one live stream, cut into LL-HLS parts as its frames
 * arrive, each part published as soon as it is whole — so players can fetch media before the
 * fragment is complete and stored. The cuts are {@link PartPlan}'s, made with a
 * {@link PartCutter}: identical to the parts of the stored fragment, B-frames included.
 *
 * <p>A producer calls {@link #startFragment}, {@link #addFrame} per frame (decode order), then
 * {@link #endFragment} once the fragment is complete, or {@link #abandonFragment} if it will never
 * be stored. Readers take an immutable {@link Snapshot}; {@link #awaitChange()} completes on the
 * next part or fragment boundary (blocking playlist reloads wait on it).
 *
 * <p>Thread-safe: one producer calls the mutators; any thread reads.
 */
public final class LiveEdge {

    /**
     * What readers see: the fragment in progress (if any) and its finished parts, and the tracks
     * and parts of the last few completed fragments (for the part lines of the newest segments,
     * and parts asked for before their fragment is stored).
     */
    public record Snapshot(long fragmentSequence, List<Track> tracks, List<LivePart> parts, boolean receiving,
                           Map<Long, Recent> recent) {

        /** The parts of fragment {@code sequence} if it is the current or a recent one, else empty. */
        public List<LivePart> partsOf(long sequence) {
            if (sequence == fragmentSequence) {
                return parts;
            }
            Recent done = recent.get(sequence);
            return done == null ? List.of() : done.parts();
        }

        /** The tracks of fragment {@code sequence} if it is the current or a recent one. */
        public Optional<List<Track>> tracksOf(long sequence) {
            if (sequence == fragmentSequence) {
                return Optional.of(tracks);
            }
            return Optional.ofNullable(recent.get(sequence)).map(Recent::tracks);
        }
    }

    /** A completed fragment's tracks and parts. */
    public record Recent(List<Track> tracks, List<LivePart> parts) {
    }

    /** Completed fragments whose parts stay listed (the RFC asks for parts of the last few segments). */
    private static final int RECENT_FRAGMENTS = 4;

    private final PartPlan plan;
    private List<Track> tracks = List.of();
    private long fragmentSequence = -1;
    private PartCutter cutter;
    private final List<LivePart> parts = new ArrayList<>();
    private final LinkedHashMap<Long, Recent> recent = new LinkedHashMap<>();
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
            recent.put(fragmentSequence, new Recent(tracks, List.copyOf(parts)));
            while (recent.size() > RECENT_FRAGMENTS) {
                recent.remove(recent.keySet().iterator().next());
            }
        }
        fragmentSequence = expectedSequence;
        tracks = List.copyOf(fragmentTracks);
        parts.clear();
        cutter = plan.cutter(tracks, this::closePart);
        publish(true);
    }

    /** The next frame of the fragment in progress, in decode order. */
    public synchronized void addFrame(Frame frame) {
        requireStarted().add(frame);
    }

    /**
     * The fragment in progress is complete (and being stored): its last part closes. Readers see the
     * last part and the end together, in one snapshot: a snapshot still receiving with every part
     * cut would make playlists hint a part after the last, which never comes.
     */
    public synchronized void endFragment() {
        PartCutter ending = requireStarted();
        cutter = null;
        ending.end();
        publish(false);
    }

    /** The fragment in progress will not be stored (its upload failed): its parts are withdrawn. */
    public synchronized void abandonFragment() {
        if (cutter != null) {
            cutter = null;
            parts.clear();
            publish(false);
        }
    }

    public Snapshot snapshot() {
        return snapshot;
    }

    /** Completes at the next part or fragment boundary; each caller gets its own future to cancel. */
    public synchronized CompletableFuture<Void> awaitChange() {
        return change.copy();
    }

    private PartCutter requireStarted() {
        if (cutter == null) {
            throw new IllegalStateException("no fragment in progress");
        }
        return cutter;
    }

    /** A part is whole; while the fragment is still arriving it is published at once, else with the end. */
    private void closePart(LivePart part) {
        parts.add(part);
        if (cutter != null) {
            publish(true);
        }
    }

    private void publish(boolean receiving) {
        snapshot = new Snapshot(fragmentSequence, tracks, List.copyOf(parts), receiving, Map.copyOf(recent));
        CompletableFuture<Void> done = change;
        change = new CompletableFuture<>();
        done.complete(null);
    }
}
