package dev.freshet.fragments.ingest;

import dev.freshet.fragments.media.Fragment;
import dev.freshet.fragments.media.Frame;
import dev.freshet.fragments.media.MediaKind;
import dev.freshet.fragments.media.Track;
import dev.freshet.fragments.mkv.MkvError;
import dev.freshet.fragments.mkv.MkvException;

import java.util.List;

/**
 * What the service requires of each fragment a producer sends, checked before it is stored:
 * at most {@link #MAX_DURATION_MICROS} long, producer time never going backwards from the previous
 * fragment, every track present and video starting with a keyframe. CodecPrivate is not checked
 * here, as the service does not at ingest: playback refuses a stream without it
 * (MissingCodecPrivateDataException). A violation is an {@link MkvException} carrying the PutMedia ErrorId.
 *
 * <p>Stateless; thread-safe.
 */
final class FragmentRules {

    static final long MAX_DURATION_MICROS = 10_000_000;

    private FragmentRules() {
    }

    static void check(Fragment fragment, long previousStartMicros) {
        if (fragment.frames().isEmpty()) {
            throw new MkvException(MkvError.INVALID_MKV_DATA, "a Cluster without frames");
        }
        if (fragment.startMicros() < previousStartMicros) {
            throw new MkvException(MkvError.FRAGMENT_TIMECODE_NOT_MONOTONIC,
                "fragment timecode " + fragment.startMicros() / 1000 + " ms is earlier than the previous fragment's");
        }
        if (fragment.durationMicros() > MAX_DURATION_MICROS) {
            throw new MkvException(MkvError.FRAGMENT_DURATION_LIMIT,
                "fragment lasts " + fragment.durationMicros() / 1000 + " ms, more than 10 s");
        }
        for (Track track : fragment.tracks()) {
            checkTrack(fragment.frames(), track);
        }
    }

    private static void checkTrack(List<Frame> frames, Track track) {
        Frame first = frames.stream().filter(f -> f.track() == track.number()).findFirst()
            .orElseThrow(() -> new MkvException(MkvError.FRAMES_MISSING_FOR_TRACK,
                "no frames for track " + track.number() + " in this fragment"));
        if (track.kind() == MediaKind.VIDEO && !first.keyframe()) {
            throw new MkvException(MkvError.INVALID_MKV_DATA,
                "the fragment's video (track " + track.number() + ") does not start with a keyframe");
        }
    }
}
