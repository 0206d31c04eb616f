package dev.freshet.fragments.live;

import dev.freshet.fragments.media.Frame;
import dev.freshet.fragments.media.MediaKind;
import dev.freshet.fragments.media.Track;
import dev.freshet.fragments.mp4.FragmentedMp4;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Cuts one fragment, fed frame by frame in decode order, into LL-HLS parts, closing each part as
 * soon as its end is certain. It is the one cutting algorithm: the live edge runs it as frames
 * arrive and {@link PartPlan#parts} runs it over a stored fragment, so both give the same parts.
 *
 * <p>A part may end before a <i>candidate</i>: a video frame that would carry the part past the
 * target ({@link PartPlan#startsNewPart}), its length taken as the track's frame interval — the
 * smallest gap between presentation times seen in the fragment so far, a function of the frames
 * alone, so live and stored cuts agree. With B-frames the cut must also
 * leave every frame before it presented before every frame after it, per track
 * ({@link FragmentedMp4#canStartPart}); frames still to come could break that, so the decision
 * waits for the candidate's <i>confirmation</i> — the next frame of its track presented after it
 * (in I P B B or pyramid orders, the next reference frame) — or for the end of the fragment, and
 * checks the frames up to there. Encoders' reorder patterns never present a frame after the
 * confirmation before the candidate's predecessors, so the check equals the one over the whole
 * fragment; for any other order live and stored parts still agree, since both are cut this way.
 *
 * <pre>
 *  decode order   I0  P3  B1  B2  P6  B4  B5  P9       (presentation times in frames; target 5)
 *                 |-- part 0 ---| ^candidate  ^confirmation
 *                                 B4, B5 present after P3: part 1 starts at P6
 * </pre>
 *
 * Frames wait from the first undecided candidate to its confirmation: at most one reorder group,
 * which is also how far a part can overrun the target.
 *
 * <p>Not thread-safe.
 */
final class PartCutter {

    private final PartPlan plan;
    private final List<Track> tracks;
    private final Consumer<LivePart> closed;
    private final List<Frame> frames = new ArrayList<>();
    private List<Frame> part = new ArrayList<>();
    private int placed;
    private int partCount;
    /** Per track: the smallest positive gap between consecutive (decode order) presentation times. */
    private final Map<Integer, Long> intervals = new HashMap<>();
    private final Map<Integer, Long> lastTimestamps = new HashMap<>();

    /** Cuts a fragment of {@code tracks}; each finished part goes to {@code closed}, in order. */
    PartCutter(PartPlan plan, List<Track> tracks, Consumer<LivePart> closed) {
        this.plan = plan;
        this.tracks = List.copyOf(tracks);
        this.closed = closed;
    }

    /** The next frame of the fragment, in decode order. */
    void add(Frame frame) {
        Long last = lastTimestamps.put(frame.track(), frame.timestampMicros());
        long gap = last == null ? 0 : Math.abs(frame.timestampMicros() - last);
        if (gap > 0) {
            intervals.merge(frame.track(), gap, Math::min);
        }
        frames.add(frame);
        place(false);
    }

    /** The fragment is complete: every waiting frame is placed and the last part closes. */
    void end() {
        place(true);
        if (!part.isEmpty()) {
            close();
        }
    }

    /** Places frames in order until one is a candidate whose confirmation has not arrived yet. */
    private void place(boolean fragmentComplete) {
        while (placed < frames.size()) {
            Frame frame = frames.get(placed);
            if (isCandidate(frame)) {
                int confirmation = confirmation(placed);
                if (confirmation < 0 && !fragmentComplete) {
                    return;
                }
                List<Frame> known = confirmation < 0 ? frames : frames.subList(0, confirmation + 1);
                if (FragmentedMp4.canStartPart(known, placed)) {
                    close();
                }
            }
            part.add(frame);
            placed++;
        }
    }

    private boolean isCandidate(Frame frame) {
        Track track = PartPlan.trackOf(tracks, frame.track());
        return !part.isEmpty() && track != null && plan.startsNewPart(frame, track, part.get(0).timestampMicros(),
            intervals.getOrDefault(frame.track(), 0L));
    }

    /** Index of the first later frame of the same track presented after frame {@code index}, or -1. */
    private int confirmation(int index) {
        Frame candidate = frames.get(index);
        for (int i = index + 1; i < frames.size(); i++) {
            Frame later = frames.get(i);
            if (later.track() == candidate.track() && later.timestampMicros() > candidate.timestampMicros()) {
                return i;
            }
        }
        return -1;
    }

    private void close() {
        long interval = part.stream().filter(f -> PartPlan.trackOf(tracks, f.track()) != null
                && PartPlan.trackOf(tracks, f.track()).kind() == MediaKind.VIDEO)
            .mapToLong(f -> intervals.getOrDefault(f.track(), 0L)).findFirst().orElse(0L);
        closed.accept(PartPlan.part(partCount++, part, tracks, interval));
        part = new ArrayList<>();
    }
}
