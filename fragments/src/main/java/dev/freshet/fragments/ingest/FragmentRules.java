package dev.freshet.fragments.ingest;

import dev.freshet.fragments.media.Frame;
import dev.freshet.fragments.media.MediaKind;
import dev.freshet.fragments.media.Track;
import dev.freshet.fragments.mkv.MkvError;
import dev.freshet.fragments.mkv.MkvException;

import java.util.List;
import java.util.Set;

/**
 * What the service requires of each fragment a producer sends, checked frame by frame as it is
 * assembled so a bad fragment fails as early as possible: at most {@link #MAX_DURATION_MICROS} long and {@link #MAX_SIZE_BYTES} large, no frame
 * presented before the previous fragment's start, each video track starting with a keyframe, and
 * every track present. A violation is an {@link MkvException} carrying the PutMedia ErrorId.
 * CodecPrivate is not checked, as the service does not at ingest: playback refuses a stream
 * without it (MissingCodecPrivateDataException).
 *
 * <p>Stateless; thread-safe.
 */
final class FragmentRules {

    static final long MAX_DURATION_MICROS = 10_000_000;
    /** KVS's fragment size limit: 50 MB of media. */
    static final long MAX_SIZE_BYTES = 50_000_000;

    private FragmentRules() {
    }

    /** A frame presented before the previous fragment started would take the stream back in time. */
    static void checkNotBefore(Frame frame, long previousStartMicros) {
        if (frame.timestampMicros() < previousStartMicros) {
            throw new MkvException(MkvError.FRAGMENT_TIMECODE_NOT_MONOTONIC, "a frame at "
                + frame.timestampMicros() / 1000 + " ms is earlier than the previous fragment's start");
        }
    }

    /** The first frame of a track in a fragment: video must start where decoding can. */
    static void checkFirstOfTrack(Frame frame, Track track) {
        if (track.kind() == MediaKind.VIDEO && !frame.keyframe()) {
            throw new MkvException(MkvError.INVALID_MKV_DATA,
                "the fragment's video (track " + track.number() + ") does not start with a keyframe");
        }
    }

    /** The fragment so far: presented from {@code startMicros} to {@code endMicros}, {@code bytes} of media. */
    static void checkExtent(long startMicros, long endMicros, long bytes) {
        if (endMicros - startMicros > MAX_DURATION_MICROS) {
            throw new MkvException(MkvError.FRAGMENT_DURATION_LIMIT,
                "fragment lasts " + (endMicros - startMicros) / 1000 + " ms, more than 10 s");
        }
        if (bytes > MAX_SIZE_BYTES) {
            throw new MkvException(MkvError.FRAGMENT_SIZE_LIMIT, "fragment holds more than 50 MB of media");
        }
    }

    /** A complete fragment holds frames of every track. */
    static void checkEveryTrack(List<Track> tracks, Set<Integer> present) {
        for (Track track : tracks) {
            if (!present.contains(track.number())) {
                throw new MkvException(MkvError.FRAMES_MISSING_FOR_TRACK,
                    "no frames for track " + track.number() + " in this fragment");
            }
        }
    }
}
