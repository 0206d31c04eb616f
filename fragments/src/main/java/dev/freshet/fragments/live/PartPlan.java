package dev.freshet.fragments.live;

import dev.freshet.fragments.media.Frame;
import dev.freshet.fragments.media.MediaKind;
import dev.freshet.fragments.media.Track;
import dev.freshet.fragments.mp4.FragmentedMp4;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a fragment is cut into LL-HLS partial segments: a new part starts at the first video frame
 * (in decode order) whose presentation time is at least {@link #targetMicros} after the current
 * part's start. It is a pure function of the frames, so the live edge (cutting as frames arrive)
 * and playback of a stored fragment (cutting after the fact) agree on every part.
 *
 * <p>Stateless apart from the target; thread-safe.
 */
public final class PartPlan {

    private final long targetMicros;

    public PartPlan(long targetMicros) {
        if (targetMicros <= 0) {
            throw new IllegalArgumentException("part target must be positive");
        }
        this.targetMicros = targetMicros;
    }

    public long targetMicros() {
        return targetMicros;
    }

    /** Whether {@code frame} starts a new part after a part that began at {@code partStartMicros}. */
    public boolean startsNewPart(Frame frame, Track track, long partStartMicros) {
        return track.kind() == MediaKind.VIDEO && frame.timestampMicros() - partStartMicros >= targetMicros;
    }

    /**
     * The parts of a whole fragment (decode order), with durations as the live edge gives them:
     * each lasts until the next one starts, the last until the fragment's estimated end.
     */
    public List<LivePart> parts(List<Track> tracks, List<Frame> frames) {
        List<List<Frame>> groups = split(tracks, frames);
        List<LivePart> parts = new ArrayList<>(groups.size());
        for (int i = 0; i < groups.size(); i++) {
            long end = i + 1 < groups.size() ? startOf(groups.get(i + 1)) : endOf(groups.get(i));
            parts.add(part(i, groups.get(i), end, tracks));
        }
        return parts;
    }

    static LivePart part(int index, List<Frame> frames, long endMicros, List<Track> tracks) {
        Frame first = frames.get(0);
        Track track = trackOf(tracks, first.track());
        boolean independent = first.keyframe() && track != null && track.kind() == MediaKind.VIDEO;
        return new LivePart(index, List.copyOf(frames), Math.max(0, endMicros - startOf(frames)), independent);
    }

    /** A part starts at its first frame in decode order (the video frame that opened it). */
    static long startOf(List<Frame> frames) {
        return frames.isEmpty() ? 0 : frames.get(0).timestampMicros();
    }

    /** End of the frames: the latest frame end, where a frame without a duration lasts as long as the gap before it. */
    static long endOf(List<Frame> frames) {
        long end = Long.MIN_VALUE;
        long previous = Long.MIN_VALUE;
        long lastGap = 0;
        for (Frame frame : frames) {
            if (previous != Long.MIN_VALUE && frame.timestampMicros() > previous) {
                lastGap = frame.timestampMicros() - previous;
            }
            previous = Math.max(previous, frame.timestampMicros());
            long duration = frame.durationMicros() > 0 ? frame.durationMicros() : lastGap;
            end = Math.max(end, frame.timestampMicros() + duration);
        }
        return end == Long.MIN_VALUE ? 0 : end;
    }

    /**
     * Splits a whole fragment's frames (decode order) into the frames of its parts. With B-frames a
     * part may only start where no later frame presents earlier ({@link FragmentedMp4#canStartPart}),
     * so parts keep the timestamps of the whole segment.
     */
    public List<List<Frame>> split(List<Track> tracks, List<Frame> frames) {
        List<List<Frame>> parts = new ArrayList<>();
        List<Frame> current = new ArrayList<>();
        long partStart = Long.MIN_VALUE;
        for (int i = 0; i < frames.size(); i++) {
            Frame frame = frames.get(i);
            Track track = trackOf(tracks, frame.track());
            if (current.isEmpty()) {
                partStart = frame.timestampMicros();
            } else if (track != null && startsNewPart(frame, track, partStart)
                && FragmentedMp4.canStartPart(frames, i)) {
                parts.add(current);
                current = new ArrayList<>();
                partStart = frame.timestampMicros();
            }
            current.add(frame);
        }
        if (!current.isEmpty()) {
            parts.add(current);
        }
        return parts;
    }

    static Track trackOf(List<Track> tracks, int number) {
        for (Track track : tracks) {
            if (track.number() == number) {
                return track;
            }
        }
        return null;
    }
}
