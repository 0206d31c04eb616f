package dev.freshet.fragments.media;

import java.util.List;
import java.util.Objects;

/**
 * One fragment: a group of pictures (from a keyframe to just before the next) with the matching
 * audio, and the tracks that describe them. It is the unit a video stream stores as one record of
 * its shard log, and the unit playback muxes into an HLS segment, an MKV cluster or part of a clip.
 *
 * @param tracks          the tracks, by ascending number
 * @param frames          every frame of every track, in decode order (see {@link Frame})
 * @param timestampMicros the fragment's own timestamp, microseconds since the epoch: what a producer
 *                        stamped it with (PutMedia: its Cluster's timecode), else its earliest frame
 */
public record Fragment(List<Track> tracks, List<Frame> frames, long timestampMicros) {

    public Fragment {
        tracks = List.copyOf(Objects.requireNonNull(tracks, "tracks"));
        frames = List.copyOf(Objects.requireNonNull(frames, "frames"));
    }

    /** A fragment stamped with its earliest frame's time. */
    public Fragment(List<Track> tracks, List<Frame> frames) {
        this(tracks, frames, frames.stream().mapToLong(Frame::timestampMicros).min().orElse(0));
    }

    /** The fragment's timestamp (its producer timestamp), microseconds since the epoch. */
    public long startMicros() {
        return timestampMicros;
    }

    /**
     * How long the fragment plays: the span of its video frames (a group of pictures), or of all its
     * frames when it has no video, its last frame lasting a frame interval when it carries no
     * duration ({@link PresentationSpan}). Audio interleaved a little ahead of or behind the pictures
     * does not stretch it.
     */
    public long durationMicros() {
        boolean video = tracks.stream().anyMatch(t -> t.kind() == MediaKind.VIDEO);
        List<Frame> timed = video ? frames.stream().filter(this::isVideo).toList() : frames;
        return PresentationSpan.of(timed, PresentationSpan.interval(timed));
    }

    public long sizeBytes() {
        return frames.stream().mapToLong(f -> f.data().length).sum();
    }

    private boolean isVideo(Frame frame) {
        for (Track track : tracks) {
            if (track.number() == frame.track()) {
                return track.kind() == MediaKind.VIDEO;
            }
        }
        return false;
    }
}
