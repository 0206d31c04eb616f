package dev.freshet.fragments.dash;

import dev.freshet.fragments.hls.PlaybackException;
import dev.freshet.fragments.hls.PlaybackFragments;
import dev.freshet.fragments.media.Fragment;
import dev.freshet.fragments.media.Track;
import dev.freshet.fragments.mp4.FragmentedMp4;
import dev.freshet.fragments.store.FragmentLog;

import java.util.List;

/**
 * The segments of DASH sessions, muxed on request from stored fragments: fMP4 (CMAF) init and media
 * segments of one track each, since every track is a Representation of its own. A track's media
 * segments carry the same absolute decode times as HLS's multi-track ones, so they join seamlessly.
 *
 * <p>Stateless; thread-safe.
 */
public final class DashMedia {

    private DashMedia() {
    }

    /** The init segment of track {@code trackNumber} as fragment {@code sequence} describes it. */
    public static byte[] init(FragmentLog log, long sequence, int trackNumber) {
        return FragmentedMp4.initSegment(List.of(track(PlaybackFragments.read(log, sequence), sequence, trackNumber)));
    }

    /** The media segment of track {@code trackNumber}'s frames in fragment {@code sequence}. */
    public static byte[] mediaSegment(FragmentLog log, long sequence, int trackNumber) {
        Fragment fragment = PlaybackFragments.read(log, sequence);
        Track track = track(fragment, sequence, trackNumber);
        if (fragment.frames().stream().noneMatch(f -> f.track() == trackNumber)) {
            throw notFound(sequence, trackNumber);
        }
        return FragmentedMp4.mediaSegment(List.of(track), fragment.frames(), sequence).bytes();
    }

    private static Track track(Fragment fragment, long sequence, int trackNumber) {
        return fragment.tracks().stream().filter(t -> t.number() == trackNumber).findFirst()
            .orElseThrow(() -> notFound(sequence, trackNumber));
    }

    private static PlaybackException notFound(long sequence, int trackNumber) {
        return new PlaybackException(PlaybackException.Reason.NOT_FOUND,
            "Track " + trackNumber + " has no media in fragment " + sequence + ".");
    }
}
