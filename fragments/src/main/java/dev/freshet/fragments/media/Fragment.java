package dev.freshet.fragments.media;

import java.util.List;
import java.util.Objects;

/**
 * One fragment: a group of pictures (from a keyframe to just before the next) with the matching
 * audio, and the tracks that describe them. It is the unit a video stream stores as one record of
 * its shard log, and the unit playback muxes into an HLS segment, an MKV cluster or part of a clip.
 *
 * @param tracks the tracks, by ascending number
 * @param frames every frame of every track, in decode order (see {@link Frame})
 */
public record Fragment(List<Track> tracks, List<Frame> frames) {

    public Fragment {
        tracks = List.copyOf(Objects.requireNonNull(tracks, "tracks"));
        frames = List.copyOf(Objects.requireNonNull(frames, "frames"));
    }

    /** Presentation time of the earliest frame, microseconds since the epoch. */
    public long startMicros() {
        return frames.stream().mapToLong(Frame::timestampMicros).min().orElse(0);
    }

    /** From the earliest frame's start to the latest frame's end. */
    public long durationMicros() {
        long end = frames.stream().mapToLong(f -> f.timestampMicros() + f.durationMicros()).max().orElse(0);
        return Math.max(0, end - startMicros());
    }

    public long sizeBytes() {
        return frames.stream().mapToLong(f -> f.data().length).sum();
    }
}
