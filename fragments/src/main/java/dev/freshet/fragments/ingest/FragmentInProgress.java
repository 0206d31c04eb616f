package dev.freshet.fragments.ingest;

import dev.freshet.fragments.media.Fragment;
import dev.freshet.fragments.media.Frame;
import dev.freshet.fragments.media.Track;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The fragment being assembled: its frames so far, and what {@link FragmentRules} need to judge
 * each new one without going over the others again.
 *
 * <p>Not thread-safe.
 */
final class FragmentInProgress {

    private final List<Track> tracks;
    private final long previousStartMicros;
    private final long timestampMicros;
    private final List<Frame> frames = new ArrayList<>();
    private final Set<Integer> present = new HashSet<>();
    private long startMicros = Long.MAX_VALUE;
    private long endMicros = Long.MIN_VALUE;
    private long bytes;

    /**
     * A fragment of {@code tracks} stamped {@code timestampMicros}, following one stamped
     * {@code previousStartMicros}.
     */
    FragmentInProgress(List<Track> tracks, long previousStartMicros, long timestampMicros) {
        this.tracks = tracks;
        this.previousStartMicros = previousStartMicros;
        this.timestampMicros = timestampMicros;
    }

    long timestampMicros() {
        return timestampMicros;
    }

    boolean isEmpty() {
        return frames.isEmpty();
    }

    /** Adds the next frame (decode order) of {@code track}, if it keeps the fragment within the rules. */
    void add(Frame frame, Track track) {
        FragmentRules.checkNotBefore(frame, previousStartMicros);
        if (!present.contains(frame.track())) {
            FragmentRules.checkFirstOfTrack(frame, track);
        }
        long start = Math.min(startMicros, frame.timestampMicros());
        long end = Math.max(endMicros, frame.timestampMicros() + frame.durationMicros());
        FragmentRules.checkExtent(start, end, bytes + frame.data().length);
        frames.add(frame);
        present.add(frame.track());
        startMicros = start;
        endMicros = end;
        bytes += frame.data().length;
    }

    boolean holds(int trackNumber) {
        return present.contains(trackNumber);
    }

    /** Presentation time of the first frame in decode order. */
    long firstMicros() {
        return frames.get(0).timestampMicros();
    }

    /** The fragment, once it holds every track. */
    Fragment complete() {
        FragmentRules.checkEveryTrack(tracks, present);
        return new Fragment(tracks, frames, timestampMicros);
    }
}
