package dev.freshet.fragments.mp4;

import dev.freshet.fragments.media.Frame;
import dev.freshet.fragments.media.MediaKind;
import dev.freshet.fragments.media.Track;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One track's frames, in decode order, taken out of a fragment's interleaved frame list: the unit
 * every muxer writes per track (a {@code traf}, a clip {@code trak}, a TS elementary stream).
 *
 * @param track  the track
 * @param frames its frames in decode order, never empty
 */
public record TrackFrames(Track track, List<Frame> frames) {

    public TrackFrames {
        frames = List.copyOf(frames);
    }

    /**
     * Splits frames by track, in the order of {@code tracks}; tracks without frames are left out,
     * and so are frames of tracks not listed.
     */
    public static List<TrackFrames> group(List<Track> tracks, List<Frame> frames) {
        Map<Integer, List<Frame>> byTrack = new HashMap<>();
        for (Track track : tracks) {
            byTrack.put(track.number(), new ArrayList<>());
        }
        for (Frame frame : frames) {
            List<Frame> list = byTrack.get(frame.track());
            if (list != null) {
                list.add(frame);
            }
        }
        List<TrackFrames> grouped = new ArrayList<>(tracks.size());
        for (Track track : tracks) {
            List<Frame> list = byTrack.get(track.number());
            if (!list.isEmpty()) {
                grouped.add(new TrackFrames(track, list));
            }
        }
        return grouped;
    }

    /** The first video track's frames, else the first track's; null when there are none. */
    public static TrackFrames main(List<TrackFrames> tracks) {
        return tracks.stream().filter(t -> t.track().kind() == MediaKind.VIDEO).findFirst()
            .orElse(tracks.isEmpty() ? null : tracks.get(0));
    }

    /** The smallest presentation time, microseconds since the epoch. */
    public long startMicros() {
        return frames.stream().mapToLong(Frame::timestampMicros).min().orElseThrow();
    }
}
