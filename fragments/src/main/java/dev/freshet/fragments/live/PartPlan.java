package dev.freshet.fragments.live;

import dev.freshet.fragments.media.Frame;
import dev.freshet.fragments.media.MediaKind;
import dev.freshet.fragments.media.PresentationSpan;
import dev.freshet.fragments.media.Track;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Where a fragment is cut into LL-HLS partial segments: a new part starts at the first video frame
 * (in decode order) that would carry the part past {@link #targetMicros} — presented, plus one
 * frame interval, later than the current part's first frame — where no B-frame is separated from
 * its references ({@link PartCutter} has the rule). Parts so stay within the target, which
 * RFC 8216bis requires, unless reordered frames forbid every cut inside it. The cuts
 * are a pure function of the frames, decided as they arrive, so the live edge (cutting a fragment
 * still being received) and playback of a stored fragment (cutting after the fact) agree on every
 * part.
 *
 * <p>A part's duration is the presentation span of its video frames (of all its frames when it has
 * none): from the earliest presentation time to the latest end ({@link PresentationSpan}).
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

    /** The parts of a whole fragment (decode order): those the live edge cut while it arrived. */
    public List<LivePart> parts(List<Track> tracks, List<Frame> frames) {
        List<LivePart> parts = new ArrayList<>();
        PartCutter cutter = cutter(tracks, parts::add);
        frames.forEach(cutter::add);
        cutter.end();
        return parts;
    }

    /** Cuts one fragment of {@code tracks} fed frame by frame; finished parts go to {@code closed}. */
    PartCutter cutter(List<Track> tracks, Consumer<LivePart> closed) {
        return new PartCutter(this, tracks, closed);
    }

    /**
     * Whether {@code frame} may start a part after one whose first frame presents at
     * {@code partStartMicros}: adding it, lasting {@code frameIntervalMicros}, would exceed the target.
     */
    boolean startsNewPart(Frame frame, Track track, long partStartMicros, long frameIntervalMicros) {
        return track.kind() == MediaKind.VIDEO
            && frame.timestampMicros() + frameIntervalMicros - partStartMicros > targetMicros;
    }

    /**
     * Part {@code index} of {@code frames}; a last frame without a duration lasts
     * {@code frameIntervalMicros} (the video track's interval so far in the fragment).
     */
    static LivePart part(int index, List<Frame> frames, List<Track> tracks, long frameIntervalMicros) {
        Frame first = frames.get(0);
        Track track = trackOf(tracks, first.track());
        boolean independent = first.keyframe() && track != null && track.kind() == MediaKind.VIDEO;
        List<Frame> timed = frames.stream().filter(f -> isVideo(tracks, f)).toList();
        long duration = PresentationSpan.of(timed.isEmpty() ? frames : timed, frameIntervalMicros);
        return new LivePart(index, List.copyOf(frames), duration, independent);
    }

    private static boolean isVideo(List<Track> tracks, Frame frame) {
        Track track = trackOf(tracks, frame.track());
        return track != null && track.kind() == MediaKind.VIDEO;
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
